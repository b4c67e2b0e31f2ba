namespace Kaolack.Web.Tests;

public static class Viewports
{
    /// <summary>The smallest phone the workspace is made for.</summary>
    public static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };

    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
}
