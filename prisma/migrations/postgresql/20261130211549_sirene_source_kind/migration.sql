-- AlterEnum
ALTER TYPE "SourceKind" ADD VALUE 'SIRENE';
