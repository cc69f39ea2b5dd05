-- CreateTable
CREATE TABLE "ApiRateLimit" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "window" INTEGER NOT NULL,
    "count" INTEGER NOT NULL
);
