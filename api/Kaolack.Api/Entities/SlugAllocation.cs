using Kaolack.Contracts.Common;
using Kaolack.Contracts.Errors;

namespace Kaolack.Api.Entities;

/// <summary>Chooses the slug of a new entity: the one asked for, or one made from its name.</summary>
public static class SlugAllocation
{
    private const int Attempts = 20;

    /// <param name="requested">An explicit slug: taken as is, 409 if it exists.</param>
    /// <param name="name">Otherwise the slug comes from the name, with "-2", "-3"… while taken.</param>
    /// <param name="fallback">Used when the name gives no usable slug; validation then reports the name.</param>
    public static async Task<T> Create<T>(string? requested, string name, string fallback, Func<string, Task<T>> create)
    {
        if (!string.IsNullOrEmpty(requested))
        {
            if (!Slug.IsValid(requested))
            {
                throw new ValidationFailedException("slug", "Identifiant invalide : lettres minuscules, chiffres et tirets, 80 caractères au plus.");
            }
            return await create(requested);
        }
        var stem = Slug.From(name);
        stem = stem.Length == 0 ? fallback : stem[..Math.Min(stem.Length, Slug.MaxLength - 4)].TrimEnd('-');
        for (var attempt = 1; attempt < Attempts; attempt++)
        {
            try
            {
                return await create(Candidate(stem, attempt));
            }
            catch (EntityExistsException)
            {
            }
        }
        return await create(Candidate(stem, Attempts));
    }

    private static string Candidate(string stem, int attempt) => attempt == 1 ? stem : $"{stem}-{attempt}";
}
