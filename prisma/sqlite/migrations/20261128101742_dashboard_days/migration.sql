-- CreateTable
CREATE TABLE "DashboardDay" (
    "shop" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "computedAt" DATETIME NOT NULL,
    "staleAt" DATETIME,

    PRIMARY KEY ("shop", "date")
);

-- CreateIndex
CREATE INDEX "DashboardDay_staleAt_idx" ON "DashboardDay"("staleAt");

