namespace Kaolack.Grains.Workshops;

/// <summary>Who sends a command, as the workshop knows them: id, name shown to others, guest or account, coach or not.</summary>
public sealed record Participant(string Id, string DisplayName, bool IsGuest, bool IsCoach);
