export * from "./span.js";
export * from "./article.js";
export * from "./entity.js";
export * from "./claim.js";
export * from "./event.js";
export * from "./reconcile.js";
export * from "./verdict.js";
export * from "./report.js";
