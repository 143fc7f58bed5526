export { type EraseProspectOptions, type EraseProspectResult, eraseProspect } from "./erase-prospect";
export { erasedEmailHash } from "./erased-email-hash";
export { exportProspect } from "./export-prospect";
