// How hosted forms look (logo, colours, footer) and which sites may frame them.

export * from "./branding-rules";
export * from "./colour-contrast";
export * from "./form-logo";
export * from "./get-form-branding";
export * from "./update-form-branding";
