/**
 * Password hashing with bcrypt (bcryptjs: pure JavaScript, nothing to compile). Rules for a new
 * password live here too, so the CLI, the reset page and the user admin agree.
 */
import bcrypt from "bcryptjs";

const COST = 11;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** A French sentence saying what is wrong with a new password, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Le mot de passe doit comporter au moins ${MIN_PASSWORD_LENGTH} caractères.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Le mot de passe doit comporter au plus ${MAX_PASSWORD_LENGTH} caractères.`;
  if (new Set(password).size < 4) return "Le mot de passe est trop simple : variez les caractères.";
  return null;
}

/** A hash that matches no password: compared against when the account does not exist, so both cases take the same time. */
export const UNUSABLE_HASH = "$2b$11$mnHaucLNvSktD5YNv7HICOD7eQrDWwMfUJvaYFfmWiyiTZbYEJP5O";
