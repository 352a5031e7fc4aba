-- CreateIndex
CREATE INDEX "GiftGrant_shop_createdAt_idx" ON "GiftGrant"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "IssuedDiscountCode_shop_redeemedAt_idx" ON "IssuedDiscountCode"("shop", "redeemedAt");

