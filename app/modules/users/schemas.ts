import { z } from "zod";
import { EmailSchema, NewPasswordSchema } from "~/modules/auth/password-policy";
import { ROLES } from "~/utils/permissions";

export const RoleSchema = z.enum(ROLES, { errorMap: () => ({ message: "Choose a role" }) });

export const AddUserSchema = z.object({
  name: z.string({ required_error: "Enter the person's name" }).trim().min(1, "Enter the person's name").max(120),
  email: EmailSchema,
  role: RoleSchema,
  householdId: z.string().optional(),
  // empty: the person is invited by email and chooses their own password (app/modules/auth/account-tokens.server.ts)
  password: NewPasswordSchema.optional(),
});

export const UpdateMemberSchema = z.object({
  role: RoleSchema,
  disabled: z.boolean().default(false),
  version: z.coerce.number({ invalid_type_error: "Missing record version" }).int(),
});

/** Your settings → your name (as shown in the header, the history and emails). */
export const OwnNameSchema = z.object({
  intent: z.literal("name"),
  name: z.string({ required_error: "Enter your name" }).trim().min(1, "Enter your name").max(120, "Use at most 120 characters"),
});
