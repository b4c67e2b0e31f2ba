namespace Kaolack.Silo.DemoData;

/// <summary>A context section of a demo plan.</summary>
public sealed record DemoSection(string Id, string Heading, string Body);

/// <summary>A milestone of a demo plan; its due date is <paramref name="DueInDays"/> from the day the plan is seeded, so one is always late.</summary>
public sealed record DemoMilestone(string Id, string Title, int DueInDays, string Status, string OwnerRegion);

/// <summary>A task of a demo plan, under a milestone.</summary>
public sealed record DemoTask(string Id, string Title, string Assignee, string MilestoneId, int DueInDays, string Status);

/// <summary>What a demo project's plan starts with: context sections, milestones and tasks in mixed states.</summary>
public sealed record DemoPlan(string ProjectSlug, DemoSection[] Sections, DemoMilestone[] Milestones, DemoTask[] Tasks);
