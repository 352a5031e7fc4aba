-- DropIndex
DROP INDEX "OrderCare_shop_customerId_idx";

-- CreateIndex
CREATE INDEX "OrderCare_shop_customerId_placedAt_idx" ON "OrderCare"("shop", "customerId", "placedAt");

-- CreateIndex
CREATE INDEX "TimelineEvent_shop_kind_occurredAt_idx" ON "TimelineEvent"("shop", "kind", "occurredAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_shop_createdAt_audience_status_type_idx" ON "OutboxMessage"("shop", "createdAt", "audience", "status", "type");

