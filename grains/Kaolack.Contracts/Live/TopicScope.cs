namespace Kaolack.Contracts.Live;

public enum TopicScope
{
    Entity,
    Directory,
    Plan,
    Presence,
    ProgrammeDashboard,
    ProjectDashboard,
}
