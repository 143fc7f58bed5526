// Names users give to lists and tags: cleaned, bounded, unique per account.
export { cleanName, MAX_NAME_LENGTH, rethrowNameTaken } from "./unique-name";
