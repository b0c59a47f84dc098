/**
 * Typed errors. Every error has a stable `name` and `code`, the name of the input it concerns
 * (`input`), and the underlying `cause` when there is one. Catch `CorroborateError` to catch them all.
 */

/** Stable error codes. */
export type ErrorCode =
  | "EMPTY_INPUT"
  | "BINARY_INPUT"
  | "INVALID_ENCODING"
  | "INPUT_TOO_LARGE"
  | "NO_ADAPTER"
  | "PARSE_FAILED"
  | "NOT_AN_ARTICLE"
  | "HOSTILE_INPUT"
  | "INVALID_ARTICLE"
  | "INVALID_MANIFEST"
  | "UNREADABLE_INPUT"
  | "INVALID_OPTIONS";

/** Base class of every error Corroborate throws on purpose. */
export class CorroborateError extends Error {
  /** Stable machine-readable code. */
  readonly code: ErrorCode;
  /** The input (file name, URL or id) the error concerns. */
  readonly input: string;

  constructor(code: ErrorCode, input: string, message: string, options?: { cause?: unknown }) {
    super(`${input}: ${message}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "CorroborateError";
    this.code = code;
    this.input = input;
  }

  /** True when `value` is a Corroborate error (works across package copies). */
  static is(value: unknown): value is CorroborateError {
    return (
      value instanceof CorroborateError ||
      (typeof value === "object" &&
        value !== null &&
        typeof (value as { code?: unknown }).code === "string" &&
        typeof (value as { input?: unknown }).input === "string" &&
        value instanceof Error)
    );
  }
}

function define<C extends ErrorCode>(name: string, code: C) {
  const cls = class extends CorroborateError {
    constructor(input: string, message: string, options?: { cause?: unknown }) {
      super(code, input, message, options);
      this.name = name;
    }
  };
  Object.defineProperty(cls, "name", { value: name });
  return cls;
}

/** The input has no content (or only whitespace). */
export const EmptyInputError = define("EmptyInputError", "EMPTY_INPUT");
/** Instance type of {@link EmptyInputError}. */
export type EmptyInputError = InstanceType<typeof EmptyInputError>;
/** The input is binary data, not text. */
export const BinaryInputError = define("BinaryInputError", "BINARY_INPUT");
/** Instance type of {@link BinaryInputError}. */
export type BinaryInputError = InstanceType<typeof BinaryInputError>;
/** The input's bytes cannot be decoded in the declared or detected encoding. */
export const EncodingError = define("EncodingError", "INVALID_ENCODING");
/** Instance type of {@link EncodingError}. */
export type EncodingError = InstanceType<typeof EncodingError>;
/** The input exceeds a configured size limit. */
export const InputTooLargeError = define("InputTooLargeError", "INPUT_TOO_LARGE");
/** Instance type of {@link InputTooLargeError}. */
export type InputTooLargeError = InstanceType<typeof InputTooLargeError>;
/** No registered adapter recognises the input. */
export const NoAdapterError = define("NoAdapterError", "NO_ADAPTER");
/** Instance type of {@link NoAdapterError}. */
export type NoAdapterError = InstanceType<typeof NoAdapterError>;
/** The input is malformed for its format. */
export const ParseError = define("ParseError", "PARSE_FAILED");
/** Instance type of {@link ParseError}. */
export type ParseError = InstanceType<typeof ParseError>;
/** The input is well-formed but holds no article (an index page, an empty shell). */
export const NotAnArticleError = define("NotAnArticleError", "NOT_AN_ARTICLE");
/** Instance type of {@link NotAnArticleError}. */
export type NotAnArticleError = InstanceType<typeof NotAnArticleError>;
/** The input tries something dangerous (entity expansion, external entities, absurd nesting). */
export const HostileInputError = define("HostileInputError", "HOSTILE_INPUT");
/** Instance type of {@link HostileInputError}. */
export type HostileInputError = InstanceType<typeof HostileInputError>;
/** An adapter produced an article that does not satisfy the model. */
export const InvalidArticleError = define("InvalidArticleError", "INVALID_ARTICLE");
/** Instance type of {@link InvalidArticleError}. */
export type InvalidArticleError = InstanceType<typeof InvalidArticleError>;
/** A manifest file is malformed. */
export const ManifestError = define("ManifestError", "INVALID_MANIFEST");
/** Instance type of {@link ManifestError}. */
export type ManifestError = InstanceType<typeof ManifestError>;
/** The input cannot be read (missing file, no permission). */
export const InputReadError = define("InputReadError", "UNREADABLE_INPUT");
/** Instance type of {@link InputReadError}. */
export type InputReadError = InstanceType<typeof InputReadError>;
/** Options passed to an API are invalid. */
export const OptionsError = define("OptionsError", "INVALID_OPTIONS");
/** Instance type of {@link OptionsError}. */
export type OptionsError = InstanceType<typeof OptionsError>;
