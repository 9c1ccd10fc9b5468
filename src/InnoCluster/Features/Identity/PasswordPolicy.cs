using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace InnoCluster.Features.Identity;

/// <summary>
/// Password rules as settings. MLPS mode: at least <see cref="SecurityOptions.PasswordMinLength"/>
/// characters from at least <see cref="SecurityOptions.PasswordRequiredClasses"/> of four classes.
/// ASVS mode: length only. Both refuse the common-password list and the account's own e-mail.
/// The deviation from ASVS 6.2.5/6.2.10 in MLPS mode is deliberate (README, Security).
/// </summary>
public sealed class PasswordPolicy(IOptions<SecurityOptions> options) : IPasswordValidator<AppUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var errors = Check(password ?? "", user.Email, options.Value);
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors.Select(e => new IdentityError { Code = e.Code, Description = e.Message })]));
    }

    public static List<(string Code, string Message)> Check(string password, string? email, SecurityOptions settings)
    {
        var errors = new List<(string, string)>();
        if (password.Length < settings.PasswordMinLength)
        {
            errors.Add(("PasswordTooShort", $"密码至少 {settings.PasswordMinLength} 位 / at least {settings.PasswordMinLength} characters"));
        }

        if (password.Length > 128)
        {
            errors.Add(("PasswordTooLong", "密码不超过 128 位 / at most 128 characters"));
        }

        if (settings.PasswordRules == PasswordRules.Mlps)
        {
            var classes = (password.Any(char.IsAsciiLetterLower) ? 1 : 0) + (password.Any(char.IsAsciiLetterUpper) ? 1 : 0)
                + (password.Any(char.IsAsciiDigit) ? 1 : 0) + (password.Any(c => !char.IsAsciiLetterOrDigit(c)) ? 1 : 0);
            if (classes < settings.PasswordRequiredClasses)
            {
                errors.Add(("PasswordClasses", $"需包含大写字母、小写字母、数字、符号中的至少 {settings.PasswordRequiredClasses} 类 / use at least {settings.PasswordRequiredClasses} of: upper case, lower case, digits, symbols"));
            }
        }

        if (Common.Value.Contains(password.ToLowerInvariant()) || Common.Value.Contains(StripTrailingSymbols(password).ToLowerInvariant()))
        {
            errors.Add(("PasswordCommon", "该密码过于常见，请换一个 / this password is too common"));
        }

        if (!string.IsNullOrEmpty(email) && password.Contains(email.Split('@')[0], StringComparison.OrdinalIgnoreCase) && email.Split('@')[0].Length >= 4)
        {
            errors.Add(("PasswordHasEmail", "密码不能包含账号名 / the password must not contain the account name"));
        }

        return errors;
    }

    private static string StripTrailingSymbols(string password) => password.TrimEnd('!', '@', '#', '.', '*', '$');

    private static HashSet<string> LoadCommon()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in Infrastructure.EmbeddedLines.Read("InnoCluster.common-passwords.txt"))
        {
            if (line.Length > 0 && line[0] != '#')
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }

        return set;
    }
}
