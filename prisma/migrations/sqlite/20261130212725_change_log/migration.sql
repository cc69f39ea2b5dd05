-- CreateTable
CREATE TABLE "ChangeLogEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "departement" TEXT NOT NULL,
    "technology" TEXT NOT NULL,
    "status" TEXT,
    "previousStatus" TEXT,
    "sourceKind" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "changedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ChangeLogEntry_changedAt_id_idx" ON "ChangeLogEntry"("changedAt", "id");

-- CreateIndex
CREATE INDEX "ChangeLogEntry_departement_changedAt_id_idx" ON "ChangeLogEntry"("departement", "changedAt", "id");

-- Zones whose file named no EPCI are in their commune's (the zone import does the same from now on).
UPDATE "ActivityZone" SET
  "epciName" = (SELECT e."name" FROM "Commune" c JOIN "Epci" e ON e."siren" = c."epciSiren" WHERE c."inseeCode" = "ActivityZone"."inseeCode"),
  "epciSiren" = (SELECT c."epciSiren" FROM "Commune" c WHERE c."inseeCode" = "ActivityZone"."inseeCode")
WHERE "epciSiren" IS NULL;
