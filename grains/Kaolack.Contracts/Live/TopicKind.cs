namespace Kaolack.Contracts.Live;

/// <summary>
/// One kind of live topic, declared once in <see cref="TopicKinds"/>: how its names are read and written, which grain
/// sources it, what its events carry, whether workshop guests may follow it, and how the hub names it when a topic is not
/// understood. What each caller may receive of its events is declared beside it in the grains (<c>LiveVisibility</c>),
/// which hold the rules.
/// </summary>
public sealed class TopicKind
{
    private readonly Func<string, Topic?> parse;
    private readonly Func<Topic, string> format;
    private readonly Func<IGrainFactory, Topic, ILiveSource> source;
    private readonly Func<Topic, bool> openToGuests;

    /// <param name="parse">The topic a whole name stands for, or null when the name is not one of this kind.</param>
    /// <param name="eventData">The types of <see cref="LiveEvent.Data"/> as clients receive them.</param>
    /// <param name="openToGuests">Whether a workshop guest may subscribe; null: never.</param>
    public TopicKind(
        TopicScope scope,
        string pattern,
        Func<string, Topic?> parse,
        Func<Topic, string> format,
        Func<IGrainFactory, Topic, ILiveSource> source,
        IReadOnlyList<Type> eventData,
        Func<Topic, bool>? openToGuests = null)
    {
        Scope = scope;
        Pattern = pattern;
        EventData = eventData;
        this.parse = parse;
        this.format = format;
        this.source = source;
        this.openToGuests = openToGuests ?? (_ => false);
    }

    public TopicScope Scope { get; }

    /// <summary>How the hub's "invalid-topic" error names this kind's topics: "workshop:{id}".</summary>
    public string Pattern { get; }

    /// <summary>What its events carry as clients receive them (a deleted entity's is its last meta): the wire contract exports them.</summary>
    public IReadOnlyList<Type> EventData { get; }

    /// <summary>
    /// A kind whose topics are named "{prefix}:{key}", one per grain key: the usual case.
    /// </summary>
    /// <param name="topic">The topic a key stands for, or null when the key is not valid for this kind.</param>
    public static TopicKind Keyed(
        TopicScope scope,
        string prefix,
        string keyPattern,
        Func<string, Topic?> topic,
        Func<IGrainFactory, string, ILiveSource> source,
        IReadOnlyList<Type> eventData,
        Func<string, bool>? openToGuests = null)
    {
        var head = prefix + ":";
        return new TopicKind(
            scope,
            head + keyPattern,
            name => name.StartsWith(head, StringComparison.Ordinal) ? topic(name[head.Length..]) : null,
            t => head + t.Key,
            (grains, t) => source(grains, t.Key),
            eventData,
            openToGuests is null ? null : t => openToGuests(t.Key));
    }

    /// <summary>The topic <paramref name="name"/> stands for, or null when it is not a name of this kind.</summary>
    public Topic? Parse(string name) => parse(name);

    public string Format(Topic topic) => format(topic);

    /// <summary>The grain whose changes make up <paramref name="topic"/>.</summary>
    public ILiveSource Source(IGrainFactory grains, Topic topic) => source(grains, topic);

    public bool OpenToGuests(Topic topic) => openToGuests(topic);
}
