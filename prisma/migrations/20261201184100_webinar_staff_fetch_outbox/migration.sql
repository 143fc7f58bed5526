-- CreateTable
CREATE TABLE "WebinarStaffFetch" (
    "webinarId" UUID NOT NULL,
    "roles" "WebinarStaffRole"[],
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "queuedAt" TIMESTAMPTZ(3),

    CONSTRAINT "WebinarStaffFetch_pkey" PRIMARY KEY ("webinarId")
);

-- CreateIndex
CREATE INDEX "WebinarStaffFetch_queuedAt_idx" ON "WebinarStaffFetch"("queuedAt");

-- AddForeignKey
ALTER TABLE "WebinarStaffFetch" ADD CONSTRAINT "WebinarStaffFetch_webinarId_fkey" FOREIGN KEY ("webinarId") REFERENCES "Webinar"("id") ON DELETE CASCADE ON UPDATE CASCADE;

