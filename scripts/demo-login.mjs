// The demo's login, shared by the seed (which creates it) and demo.mjs (which prints it).
export const DEMO_EMAIL = "admin@demo.example.com";
export const DEMO_PASSWORD = "webinar-demo-2026";
