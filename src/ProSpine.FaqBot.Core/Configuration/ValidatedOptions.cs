using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ProSpine.FaqBot.Core.Configuration;

/// <summary>The one way settings are registered: bound from their section, checked by their attributes, at start-up.</summary>
public static class ValidatedOptions
{
    /// <summary>
    /// Binds <typeparamref name="T"/> to <paramref name="section"/> and validates its data annotations (and
    /// <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>) when the host starts, so a bad setting
    /// stops start-up with its name instead of failing a request later. Returns the builder for further checks.
    /// </summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string section)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
    }
}
