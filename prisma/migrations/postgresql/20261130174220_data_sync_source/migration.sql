-- CreateTable
CREATE TABLE "DataSyncSource" (
    "id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "departement" TEXT NOT NULL,
    "url" TEXT,
    "etag" TEXT,
    "lastModified" TEXT,
    "sha256" TEXT,
    "lastCheckedAt" TIMESTAMP(3),
    "lastChangedAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "DataSyncSource_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DataSyncSource_source_departement_key" ON "DataSyncSource"("source", "departement");
