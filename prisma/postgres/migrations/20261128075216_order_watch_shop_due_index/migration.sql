-- CreateIndex
CREATE INDEX "OrderCare_shop_watchDueAt_idx" ON "OrderCare"("shop", "watchDueAt");

