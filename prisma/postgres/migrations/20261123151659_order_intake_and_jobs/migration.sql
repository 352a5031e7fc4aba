-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "eventId" TEXT,
    "apiVersion" TEXT,
    "triggeredAt" TIMESTAMP(3),
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "payload" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "appliedAt" TIMESTAMP(3),
    "error" TEXT,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
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
    "placedAt" TIMESTAMP(3) NOT NULL,
    "paidAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "financialStatus" TEXT,
    "fulfillmentStatus" TEXT,
    "paymentGateways" TEXT NOT NULL DEFAULT '',
    "cashOnDelivery" BOOLEAN NOT NULL DEFAULT false,
    "shippingCountry" TEXT,
    "shippingZone" TEXT,
    "totalPrice" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '',
    "shopifyUpdatedAt" TIMESTAMP(3) NOT NULL,
    "lastSource" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrderCare_pkey" PRIMARY KEY ("shop","orderId")
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
    "estimatedDeliveryAt" TIMESTAMP(3),
    "inTransitAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "shopifyUpdatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrderFulfillment_pkey" PRIMARY KEY ("shop","fulfillmentId")
);

-- CreateTable
CREATE TABLE "OrderRefund" (
    "shop" TEXT NOT NULL,
    "refundId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "amount" TEXT,
    "currency" TEXT,

    CONSTRAINT "OrderRefund_pkey" PRIMARY KEY ("shop","refundId")
);

-- CreateTable
CREATE TABLE "TimelineEvent" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "source" TEXT NOT NULL,
    "detail" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TimelineEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderSync" (
    "shop" TEXT NOT NULL,
    "backfillStatus" TEXT NOT NULL DEFAULT 'none',
    "bulkOperationId" TEXT,
    "backfillSince" TIMESTAMP(3),
    "linesApplied" INTEGER NOT NULL DEFAULT 0,
    "ordersApplied" INTEGER NOT NULL DEFAULT 0,
    "backfillStartedAt" TIMESTAMP(3),
    "backfillFinishedAt" TIMESTAMP(3),
    "lastReconciledAt" TIMESTAMP(3),
    "lastError" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrderSync_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "singletonKey" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 8,
    "runAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobFailure" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "jobName" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "error" TEXT NOT NULL,
    "permanent" BOOLEAN NOT NULL,
    "attempts" INTEGER NOT NULL,
    "failedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retriedAt" TIMESTAMP(3),

    CONSTRAINT "JobFailure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScheduleSlot" (
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slot" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScheduleSlot_pkey" PRIMARY KEY ("shop","name","slot")
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

