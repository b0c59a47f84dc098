/** The core package's version, written into every report. */
export const VERSION = "0.1.0";
