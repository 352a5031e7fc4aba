-- CreateTable
CREATE TABLE "ReturnSettings" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "policy" TEXT NOT NULL,
    "returnAddress" TEXT,
    "labelProvider" TEXT NOT NULL DEFAULT 'printable',
    "easypostApiKey" TEXT,
    "packingNotes" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ReturnCase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "returnNumber" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reached" TEXT NOT NULL DEFAULT '',
    "reason" TEXT NOT NULL,
    "comment" TEXT,
    "lines" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "labelPaidBy" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "shopifyReturnId" TEXT,
    "reverseDeliveryId" TEXT,
    "labelProvider" TEXT,
    "trackingNumber" TEXT,
    "trackingUrl" TEXT,
    "carrier" TEXT,
    "goodwillCode" TEXT,
    "refundAmount" TEXT,
    "declineReason" TEXT,
    "requestedAt" DATETIME NOT NULL,
    "decidedAt" DATETIME,
    "receivedAt" DATETIME,
    "closedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ReturnDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "returnId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "data" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "LookupAttempt" (
    "shop" TEXT NOT NULL,
    "clientKey" TEXT NOT NULL,
    "windowStart" DATETIME NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("shop", "clientKey", "windowStart")
);

-- CreateTable
CREATE TABLE "GiftRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "trigger" TEXT NOT NULL,
    "gift" TEXT NOT NULL,
    "stock" INTEGER,
    "monthlyBudget" TEXT,
    "unitCost" TEXT NOT NULL DEFAULT '0',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "GiftGrant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "cost" TEXT NOT NULL DEFAULT '0',
    "month" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '{}',
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" DATETIME,
    "doneAt" DATETIME
);

-- CreateTable
CREATE TABLE "LoyaltySettings" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "tiers" TEXT NOT NULL,
    "periodDays" INTEGER,
    "discountId" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "LoyaltyMember" (
    "shop" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "tier" TEXT,
    "percent" INTEGER NOT NULL DEFAULT 0,
    "paidOrders" INTEGER NOT NULL DEFAULT 0,
    "spend" TEXT NOT NULL DEFAULT '0',
    "metafieldValue" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "customerId")
);

-- CreateTable
CREATE TABLE "IssuedDiscountCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "customerId" TEXT,
    "orderId" TEXT,
    "percent" INTEGER NOT NULL,
    "shopifyDiscountId" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "issuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "redeemedAt" DATETIME,
    "redeemedOrderId" TEXT
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
    "discountCodes" TEXT NOT NULL DEFAULT '',
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
INSERT INTO "new_OrderCare" ("callRetryAt", "cancelledAt", "cashOnDelivery", "closedAt", "confirmedAt", "confirmedVia", "currency", "customerId", "customerLocale", "emailConsent", "financialStatus", "fulfillmentStatus", "lastSource", "mirroredTags", "name", "number", "orderGid", "orderId", "paidAt", "paymentGateways", "placedAt", "shippingCountry", "shippingMethod", "shippingZone", "shop", "shopifyUpdatedAt", "tags", "totalPrice", "updatedAt", "watchDueAt", "watchEvaluatedAt") SELECT "callRetryAt", "cancelledAt", "cashOnDelivery", "closedAt", "confirmedAt", "confirmedVia", "currency", "customerId", "customerLocale", "emailConsent", "financialStatus", "fulfillmentStatus", "lastSource", "mirroredTags", "name", "number", "orderGid", "orderId", "paidAt", "paymentGateways", "placedAt", "shippingCountry", "shippingMethod", "shippingZone", "shop", "shopifyUpdatedAt", "tags", "totalPrice", "updatedAt", "watchDueAt", "watchEvaluatedAt" FROM "OrderCare";
DROP TABLE "OrderCare";
ALTER TABLE "new_OrderCare" RENAME TO "OrderCare";
CREATE INDEX "OrderCare_watchDueAt_idx" ON "OrderCare"("watchDueAt");
CREATE INDEX "OrderCare_shop_placedAt_idx" ON "OrderCare"("shop", "placedAt");
CREATE INDEX "OrderCare_shop_number_idx" ON "OrderCare"("shop", "number");
CREATE INDEX "OrderCare_shop_customerId_idx" ON "OrderCare"("shop", "customerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ReturnCase_shop_status_requestedAt_idx" ON "ReturnCase"("shop", "status", "requestedAt");

-- CreateIndex
CREATE INDEX "ReturnCase_shop_orderId_idx" ON "ReturnCase"("shop", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "ReturnCase_shop_returnNumber_key" ON "ReturnCase"("shop", "returnNumber");

-- CreateIndex
CREATE UNIQUE INDEX "ReturnCase_shop_shopifyReturnId_key" ON "ReturnCase"("shop", "shopifyReturnId");

-- CreateIndex
CREATE INDEX "ReturnDocument_shop_returnId_idx" ON "ReturnDocument"("shop", "returnId");

-- CreateIndex
CREATE INDEX "GiftRule_shop_idx" ON "GiftRule"("shop");

-- CreateIndex
CREATE INDEX "GiftGrant_shop_month_idx" ON "GiftGrant"("shop", "month");

-- CreateIndex
CREATE UNIQUE INDEX "GiftGrant_shop_orderId_ruleId_key" ON "GiftGrant"("shop", "orderId", "ruleId");

-- CreateIndex
CREATE INDEX "LoyaltyMember_shop_tier_idx" ON "LoyaltyMember"("shop", "tier");

-- CreateIndex
CREATE INDEX "IssuedDiscountCode_shop_issuedAt_idx" ON "IssuedDiscountCode"("shop", "issuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "IssuedDiscountCode_shop_code_key" ON "IssuedDiscountCode"("shop", "code");

