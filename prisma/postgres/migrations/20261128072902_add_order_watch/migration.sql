-- AlterTable
ALTER TABLE "OrderCare" ADD COLUMN     "callRetryAt" TIMESTAMP(3),
ADD COLUMN     "confirmedAt" TIMESTAMP(3),
ADD COLUMN     "confirmedVia" TEXT,
ADD COLUMN     "mirroredTags" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "shippingMethod" TEXT,
ADD COLUMN     "watchDueAt" TIMESTAMP(3),
ADD COLUMN     "watchEvaluatedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "WatchSettings" (
    "shop" TEXT NOT NULL,
    "rules" TEXT NOT NULL,
    "tagPrefix" TEXT NOT NULL DEFAULT 'aftercare:',
    "mirrorToShopify" BOOLEAN NOT NULL DEFAULT true,
    "holdUntilConfirmed" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WatchSettings_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "OrderFlag" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "reason" TEXT NOT NULL,
    "reasonCode" TEXT NOT NULL,
    "reasonParams" TEXT NOT NULL DEFAULT '{}',
    "fulfillmentId" TEXT,
    "since" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "raisedAt" TIMESTAMP(3) NOT NULL,
    "clearedAt" TIMESTAMP(3),
    "handledAt" TIMESTAMP(3),
    "handledNote" TEXT,
    "snoozedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrderFlag_pkey" PRIMARY KEY ("shop","orderId","kind")
);

-- CreateIndex
CREATE INDEX "OrderFlag_shop_status_dueAt_idx" ON "OrderFlag"("shop", "status", "dueAt");

-- CreateIndex
CREATE INDEX "OrderCare_watchDueAt_idx" ON "OrderCare"("watchDueAt");

