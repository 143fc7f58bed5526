export * from "./default-campaign";
export * from "./redirect-domains";
export * from "./registrant-source";
