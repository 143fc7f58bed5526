// Shared domain rules, used by both apps. Each area has its own entry point too
// (`@gw/domain/sync`, `@gw/domain/connectors`, ...): import from there.
export * from "./errors/index";
