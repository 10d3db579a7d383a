import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 10;

export const NewPasswordSchema = z
  .string({ required_error: "Enter a password" })
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, "Use at most 200 characters");

export const EmailSchema = z
  .string({ required_error: "Enter an email address" })
  .trim()
  .toLowerCase()
  .email("Enter a valid email address")
  .max(254, "Email address is too long");

/** Choosing a password from an invitation or reset link: typed twice. */
export const SetPasswordSchema = z
  .object({
    newPassword: NewPasswordSchema,
    confirmPassword: z.string({ required_error: "Repeat the new password" }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords do not match",
  });
