// The HTTP API's contract: one module per area. Routes build their schemas from these; the web
// app imports the inferred types (type-only, so nothing of it reaches the bundle).

export * from "./account-settings";
export * from "./api-tokens";
export * from "./auth";
export * from "./branding";
export * from "./campaigns";
export * from "./common";
export * from "./connectors";
export * from "./endpoints";
export * from "./exclusions";
export * from "./forms";
export * from "./health";
export * from "./hosted-forms";
export * from "./lists";
export * from "./ops";
export * from "./participation";
export * from "./prospects";
export * from "./registration-requests";
export * from "./reports";
export * from "./rules";
export * from "./scoring-rules";
export * from "./segments";
export * from "./sync-runs";
export * from "./sync-status";
export * from "./tags";
export * from "./webhooks";
