export { guardedLookup, isPublicAddress, RefusedAddressError } from "./address-policy";
export { type DeliverEndpointOptions, type DeliverEndpointResult, deliverEndpoint } from "./deliver-endpoint";
export { checkEndpointUrl, newEndpointSecret } from "./endpoint-input";
export type { EndpointView } from "./endpoint-view";
export { type FanOutOptions, type FanOutResult, fanOutChangeEvents } from "./fan-out-change-events";
export { findDueEndpoints } from "./find-due-endpoints";
export { type DeliveryView, listDeliveries } from "./list-deliveries";
export {
  type CreateEndpointOptions,
  createEndpoint,
  deleteEndpoint,
  type EndpointInput,
  type EndpointRef,
  getEndpoint,
  getEndpointSecret,
  listEndpoints,
  rotateEndpointSecret,
  updateEndpoint,
} from "./manage-endpoints";
export { type ReplayDeliveriesOptions, replayDeliveries } from "./replay-deliveries";
export { type SendTestEventOptions, sendTestEvent, type TestEventResult } from "./send-test-event";
export { type OutboundHttpPolicy, type SendResult, type SendWebhookOptions, sendWebhook } from "./send-webhook";
