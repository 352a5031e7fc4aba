-- CreateTable
CREATE TABLE "WatchSettings" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "rules" TEXT NOT NULL,
    "tagPrefix" TEXT NOT NULL DEFAULT 'aftercare:',
    "mirrorToShopify" BOOLEAN NOT NULL DEFAULT true,
    "holdUntilConfirmed" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL
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
    "since" DATETIME NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "raisedAt" DATETIME NOT NULL,
    "clearedAt" DATETIME,
    "handledAt" DATETIME,
    "handledNote" TEXT,
    "snoozedUntil" DATETIME,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "orderId", "kind")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OrderCare" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderGid" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "customerId" TEXT,
    "customerLocale" TEXT,
    "emailConsent" TEXT,
    "placedAt" DATETIME NOT NULL,
    "paidAt" DATETIME,
    "cancelledAt" DATETIME,
    "closedAt" DATETIME,
    "financialStatus" TEXT,
    "fulfillmentStatus" TEXT,
    "paymentGateways" TEXT NOT NULL DEFAULT '',
    "cashOnDelivery" BOOLEAN NOT NULL DEFAULT false,
    "shippingCountry" TEXT,
    "shippingZone" TEXT,
    "totalPrice" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '',
    "shippingMethod" TEXT,
    "shopifyUpdatedAt" DATETIME NOT NULL,
    "lastSource" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "confirmedAt" DATETIME,
    "confirmedVia" TEXT,
    "callRetryAt" DATETIME,
    "watchDueAt" DATETIME,
    "watchEvaluatedAt" DATETIME,
    "mirroredTags" TEXT NOT NULL DEFAULT '',

    PRIMARY KEY ("shop", "orderId")
);
INSERT INTO "new_OrderCare" ("cancelledAt", "cashOnDelivery", "closedAt", "currency", "customerId", "customerLocale", "emailConsent", "financialStatus", "fulfillmentStatus", "lastSource", "name", "number", "orderGid", "orderId", "paidAt", "paymentGateways", "placedAt", "shippingCountry", "shippingZone", "shop", "shopifyUpdatedAt", "tags", "totalPrice", "updatedAt") SELECT "cancelledAt", "cashOnDelivery", "closedAt", "currency", "customerId", "customerLocale", "emailConsent", "financialStatus", "fulfillmentStatus", "lastSource", "name", "number", "orderGid", "orderId", "paidAt", "paymentGateways", "placedAt", "shippingCountry", "shippingZone", "shop", "shopifyUpdatedAt", "tags", "totalPrice", "updatedAt" FROM "OrderCare";
DROP TABLE "OrderCare";
ALTER TABLE "new_OrderCare" RENAME TO "OrderCare";
CREATE INDEX "OrderCare_watchDueAt_idx" ON "OrderCare"("watchDueAt");
CREATE INDEX "OrderCare_shop_placedAt_idx" ON "OrderCare"("shop", "placedAt");
CREATE INDEX "OrderCare_shop_number_idx" ON "OrderCare"("shop", "number");
CREATE INDEX "OrderCare_shop_customerId_idx" ON "OrderCare"("shop", "customerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "OrderFlag_shop_status_dueAt_idx" ON "OrderFlag"("shop", "status", "dueAt");

