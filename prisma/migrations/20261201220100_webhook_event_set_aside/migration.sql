-- AlterTable
ALTER TABLE "WebhookEvent" ADD COLUMN     "setAsideAt" TIMESTAMPTZ(3);


-- The waiting events, by connector and webinar (an event without a webinar key is a webinar of its
-- own, as the consumer and the sweeper read it) in received order. Only RECEIVED rows: applied
-- events, which are nearly all of the table, are not in it, so the consumer's and the sweeper's
-- reads of a backlog cost what waits, not what was ever received.
CREATE INDEX "WebhookEvent_received_webinar_idx" ON "WebhookEvent"
  ("connectorId", (COALESCE("payload"->>'webinarKey', "id"::text)), "receivedAt", "id")
  WHERE "status" = 'RECEIVED';
