export { findOrCreateAccount } from "./find-or-create-account";
