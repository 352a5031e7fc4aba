-- CreateTable
CREATE TABLE "DashboardDay" (
    "shop" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,
    "staleAt" TIMESTAMP(3),

    CONSTRAINT "DashboardDay_pkey" PRIMARY KEY ("shop","date")
);

-- CreateIndex
CREATE INDEX "DashboardDay_staleAt_idx" ON "DashboardDay"("staleAt");

