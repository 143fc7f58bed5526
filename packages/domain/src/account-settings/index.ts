export * from "./redirect-domains";
