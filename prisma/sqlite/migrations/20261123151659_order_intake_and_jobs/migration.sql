-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "eventId" TEXT,
    "apiVersion" TEXT,
    "triggeredAt" DATETIME,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "payload" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "appliedAt" DATETIME,
    "error" TEXT
);

-- CreateTable
CREATE TABLE "OrderCare" (
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
    "shopifyUpdatedAt" DATETIME NOT NULL,
    "lastSource" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "orderId")
);

-- CreateTable
CREATE TABLE "OrderFulfillment" (
    "shop" TEXT NOT NULL,
    "fulfillmentId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "shipmentStatus" TEXT,
    "trackingCompany" TEXT,
    "trackingNumber" TEXT,
    "trackingUrl" TEXT,
    "estimatedDeliveryAt" DATETIME,
    "inTransitAt" DATETIME,
    "deliveredAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "shopifyUpdatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "fulfillmentId")
);

-- CreateTable
CREATE TABLE "OrderRefund" (
    "shop" TEXT NOT NULL,
    "refundId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "amount" TEXT,
    "currency" TEXT,

    PRIMARY KEY ("shop", "refundId")
);

-- CreateTable
CREATE TABLE "TimelineEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "occurredAt" DATETIME NOT NULL,
    "source" TEXT NOT NULL,
    "detail" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "OrderSync" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "backfillStatus" TEXT NOT NULL DEFAULT 'none',
    "bulkOperationId" TEXT,
    "backfillSince" DATETIME,
    "linesApplied" INTEGER NOT NULL DEFAULT 0,
    "ordersApplied" INTEGER NOT NULL DEFAULT 0,
    "backfillStartedAt" DATETIME,
    "backfillFinishedAt" DATETIME,
    "lastReconciledAt" DATETIME,
    "lastError" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "singletonKey" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 8,
    "runAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedAt" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" DATETIME
);

-- CreateTable
CREATE TABLE "JobFailure" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "jobName" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "error" TEXT NOT NULL,
    "permanent" BOOLEAN NOT NULL,
    "attempts" INTEGER NOT NULL,
    "failedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retriedAt" DATETIME
);

-- CreateTable
CREATE TABLE "ScheduleSlot" (
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slot" TEXT NOT NULL,
    "claimedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "name", "slot")
);

-- CreateIndex
CREATE INDEX "WebhookDelivery_shop_status_receivedAt_idx" ON "WebhookDelivery"("shop", "status", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_shop_webhookId_key" ON "WebhookDelivery"("shop", "webhookId");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_shop_topic_eventId_key" ON "WebhookDelivery"("shop", "topic", "eventId");

-- CreateIndex
CREATE INDEX "OrderCare_shop_placedAt_idx" ON "OrderCare"("shop", "placedAt");

-- CreateIndex
CREATE INDEX "OrderCare_shop_number_idx" ON "OrderCare"("shop", "number");

-- CreateIndex
CREATE INDEX "OrderCare_shop_customerId_idx" ON "OrderCare"("shop", "customerId");

-- CreateIndex
CREATE INDEX "OrderFulfillment_shop_orderId_idx" ON "OrderFulfillment"("shop", "orderId");

-- CreateIndex
CREATE INDEX "OrderRefund_shop_orderId_idx" ON "OrderRefund"("shop", "orderId");

-- CreateIndex
CREATE INDEX "TimelineEvent_shop_orderId_occurredAt_idx" ON "TimelineEvent"("shop", "orderId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "TimelineEvent_shop_orderId_dedupeKey_key" ON "TimelineEvent"("shop", "orderId", "dedupeKey");

-- CreateIndex
CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt");

-- CreateIndex
CREATE INDEX "Job_shop_status_idx" ON "Job"("shop", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Job_name_singletonKey_key" ON "Job"("name", "singletonKey");

-- CreateIndex
CREATE INDEX "JobFailure_shop_failedAt_idx" ON "JobFailure"("shop", "failedAt");

