-- CreateTable
CREATE TABLE "ShopSettings" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "shopName" TEXT NOT NULL DEFAULT '',
    "primaryLocale" TEXT NOT NULL DEFAULT 'en',
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "countryCode" TEXT,
    "contactEmail" TEXT,
    "contactPhone" TEXT,
    "contactAddress" TEXT,
    "responseTimeHours" INTEGER NOT NULL DEFAULT 24,
    "senderName" TEXT,
    "senderEmail" TEXT,
    "replyTo" TEXT,
    "smtpHost" TEXT,
    "smtpPort" INTEGER,
    "smtpSecurity" TEXT NOT NULL DEFAULT 'starttls',
    "smtpUser" TEXT,
    "smtpPassword" TEXT,
    "quietHoursStart" INTEGER NOT NULL DEFAULT 1260,
    "quietHoursEnd" INTEGER NOT NULL DEFAULT 480,
    "digestRecipients" TEXT NOT NULL DEFAULT '',
    "alertRecipients" TEXT NOT NULL DEFAULT '',
    "digestHour" INTEGER NOT NULL DEFAULT 8,
    "messageTypes" TEXT NOT NULL DEFAULT '{}',
    "reviewUrl" TEXT,
    "importedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MessageTemplate" (
    "shop" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "preheader" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL,
    "action" TEXT,
    "secondaryAction" TEXT,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "type", "locale")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderId" TEXT,
    "type" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "dedupeKey" TEXT NOT NULL,
    "audience" TEXT NOT NULL DEFAULT 'shopper',
    "marketing" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "headers" TEXT NOT NULL DEFAULT '{}',
    "attachments" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "statusReason" TEXT,
    "sendAfter" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastAttemptAt" DATETIME,
    "providerMessageId" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MessageSuppression" (
    "shop" TEXT NOT NULL,
    "emailHash" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT 'unsubscribed',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "emailHash")
);

-- CreateTable
CREATE TABLE "ShopperLinkUse" (
    "shop" TEXT NOT NULL,
    "tokenId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "usedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "tokenId")
);

-- CreateIndex
CREATE INDEX "OutboxMessage_shop_createdAt_idx" ON "OutboxMessage"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_shop_orderId_idx" ON "OutboxMessage"("shop", "orderId");

-- CreateIndex
CREATE INDEX "OutboxMessage_shop_status_sendAfter_idx" ON "OutboxMessage"("shop", "status", "sendAfter");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_shop_dedupeKey_key" ON "OutboxMessage"("shop", "dedupeKey");

