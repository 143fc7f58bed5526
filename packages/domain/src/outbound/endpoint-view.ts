export interface EndpointView {
  id: string;
  url: string;
  description: string | null;
  /** Event types it receives; empty: every type. */
  eventTypes: string[];
  enabled: boolean;
  /** The notice of why it was disabled (by the service after failing for days, or by an admin). */
  disabledReason: string | null;
  disabledAt: Date | null;
  /** When the current run of failures began; null while deliveries succeed. */
  failingSince: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const ENDPOINT_VIEW_SELECT = {
  id: true,
  url: true,
  description: true,
  eventTypes: true,
  enabled: true,
  disabledReason: true,
  disabledAt: true,
  failingSince: true,
  createdAt: true,
  updatedAt: true,
} as const;
