-- AlterTable
ALTER TABLE "OrderCare" ADD COLUMN     "discountCodes" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "ReturnSettings" (
    "shop" TEXT NOT NULL,
    "policy" TEXT NOT NULL,
    "returnAddress" TEXT,
    "labelProvider" TEXT NOT NULL DEFAULT 'printable',
    "easypostApiKey" TEXT,
    "packingNotes" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReturnSettings_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "ReturnCase" (
    "id" TEXT NOT NULL,
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
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),
    "receivedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReturnCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReturnDocument" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "returnId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReturnDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LookupAttempt" (
    "shop" TEXT NOT NULL,
    "clientKey" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LookupAttempt_pkey" PRIMARY KEY ("shop","clientKey","windowStart")
);

-- CreateTable
CREATE TABLE "GiftRule" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "trigger" TEXT NOT NULL,
    "gift" TEXT NOT NULL,
    "stock" INTEGER,
    "monthlyBudget" TEXT,
    "unitCost" TEXT NOT NULL DEFAULT '0',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GiftRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GiftGrant" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "cost" TEXT NOT NULL DEFAULT '0',
    "month" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '{}',
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" TIMESTAMP(3),
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "GiftGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoyaltySettings" (
    "shop" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "tiers" TEXT NOT NULL,
    "periodDays" INTEGER,
    "discountId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoyaltySettings_pkey" PRIMARY KEY ("shop")
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
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoyaltyMember_pkey" PRIMARY KEY ("shop","customerId")
);

-- CreateTable
CREATE TABLE "IssuedDiscountCode" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "customerId" TEXT,
    "orderId" TEXT,
    "percent" INTEGER NOT NULL,
    "shopifyDiscountId" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "redeemedAt" TIMESTAMP(3),
    "redeemedOrderId" TEXT,

    CONSTRAINT "IssuedDiscountCode_pkey" PRIMARY KEY ("id")
);

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

