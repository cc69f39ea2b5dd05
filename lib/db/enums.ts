/** The schema's enums (Technology, DeploymentStatus…), safe to import anywhere, browser included. */
export * from "@/prisma/generated/sqlite/enums";
