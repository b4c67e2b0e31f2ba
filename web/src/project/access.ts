import type { CurrentUser } from "../types";
import type { JointProject } from "./projectApi";

/**
 * Who may edit the plan, as the server decides it (AccessPolicy.CanEditProject): admins, and the
 * project's owners and editors when their account may write (partners never do).
 */
export function canEditPlan(user: Pick<CurrentUser, "email" | "roles">, project: Pick<JointProject, "members">): boolean {
  if (user.roles.includes("admin")) return true;
  const mayWrite = (user.roles.includes("member") || user.roles.includes("coach")) && !user.roles.includes("partner");
  const role = project.members.find((m) => m.userId.toLowerCase() === user.email.toLowerCase())?.role;
  return mayWrite && (role === "owner" || role === "editor");
}
