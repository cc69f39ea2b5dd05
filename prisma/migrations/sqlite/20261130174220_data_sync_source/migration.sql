-- CreateTable
CREATE TABLE "DataSyncSource" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "source" TEXT NOT NULL,
    "departement" TEXT NOT NULL,
    "url" TEXT,
    "etag" TEXT,
    "lastModified" TEXT,
    "sha256" TEXT,
    "lastCheckedAt" DATETIME,
    "lastChangedAt" DATETIME,
    "lastError" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "DataSyncSource_source_departement_key" ON "DataSyncSource"("source", "departement");
