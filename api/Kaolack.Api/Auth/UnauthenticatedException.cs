namespace Kaolack.Api.Auth;

/// <summary>No signed-in user where one is needed (401).</summary>
public sealed class UnauthenticatedException() : Exception("Authentication required");
