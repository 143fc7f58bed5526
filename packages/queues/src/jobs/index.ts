export { dispatchJob } from "./dispatch";
