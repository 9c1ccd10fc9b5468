using System.Net.Mail;
using System.Text.RegularExpressions;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.Site;

/// <summary>
/// Who runs the site and how to reach them, as a Chinese government site states it in its footer: 主办单位,
/// 承办单位, contact, ICP备案号, 公网安备号 and 政府网站标识码. One row, entered by a system administrator;
/// a fresh install has none of it (nothing here may be invented), and an empty field is simply not shown.
/// </summary>
public sealed partial class SiteProfile
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>主办单位, as the office writes its name.</summary>
    public string? Organizer { get; set; }

    public string? OrganizerEnglish { get; set; }

    /// <summary>承办单位: who operates the site for the organizer, when that is someone else.</summary>
    public string? Operator { get; set; }

    public string? OperatorEnglish { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>办公时间 ("工作日 9:00–17:00"), written by the office.</summary>
    public string? OfficeHours { get; set; }

    /// <summary>ICP备案号 ("苏ICP备12345678号-1"), linked to the MIIT register.</summary>
    public string? IcpNumber { get; set; }

    /// <summary>公网安备号 ("苏公网安备 32050802010001号"), linked to the MPS register.</summary>
    public string? PoliceFilingNumber { get; set; }

    /// <summary>政府网站标识码: ten letters or digits, given by the State Council's site registry.</summary>
    public string? SiteCode { get; set; }

    /// <summary>A note on the contact page (how requests are answered, which unit answers what).</summary>
    public string? ContactNote { get; set; }

    public string? UpdatedBy { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Every field's problem at once, each named by its field, so a form shows them all.</summary>
    public static List<FieldError> Check(Fields fields)
    {
        var errors = new List<FieldError>();
        void Length(string field, string? value, int max)
        {
            if (value is not null && value.Length > max)
            {
                errors.Add(new(field, $"最多 {max} 个字符 / at most {max} characters"));
            }
        }

        Length("organizer", fields.Organizer, 100);
        Length("organizerEnglish", fields.OrganizerEnglish, 200);
        Length("operator", fields.Operator, 100);
        Length("operatorEnglish", fields.OperatorEnglish, 200);
        Length("address", fields.Address, 200);
        Length("officeHours", fields.OfficeHours, 100);
        Length("contactNote", fields.ContactNote, 2000);
        if (fields.Organizer is null && fields.OrganizerEnglish is not null)
        {
            errors.Add(new("organizer", "填写英文名称前请先填写主办单位的中文名称 / give the organizer's Chinese name before its English one"));
        }

        if (fields.Operator is null && fields.OperatorEnglish is not null)
        {
            errors.Add(new("operator", "填写英文名称前请先填写承办单位的中文名称 / give the operator's Chinese name before its English one"));
        }

        if (fields.Phone is not null && !PhonePattern().IsMatch(fields.Phone))
        {
            errors.Add(new("phone", "电话只能包含数字、空格、+、-、括号和“转” / a phone number has digits, spaces, +, -, brackets and 转 only"));
        }

        if (fields.Email is not null && (fields.Email.Length > 254 || !MailAddress.TryCreate(fields.Email, out var mail) || mail.Address != fields.Email))
        {
            errors.Add(new("email", "不是有效的电子邮箱地址 / not a valid e-mail address"));
        }

        if (fields.IcpNumber is not null && !IcpPattern().IsMatch(fields.IcpNumber))
        {
            errors.Add(new("icpNumber", "ICP备案号的格式如“苏ICP备12345678号-1” / an ICP number reads like 苏ICP备12345678号-1"));
        }

        if (fields.PoliceFilingNumber is not null && !PoliceFilingPattern().IsMatch(fields.PoliceFilingNumber))
        {
            errors.Add(new("policeFilingNumber", "公网安备号的格式如“苏公网安备 32050802010001号”（14位数字） / a public-security filing number reads like 苏公网安备 32050802010001号 (14 digits)"));
        }

        if (fields.SiteCode is not null && !SiteCodePattern().IsMatch(fields.SiteCode))
        {
            errors.Add(new("siteCode", "政府网站标识码为10位数字或字母 / a government site code is 10 letters or digits"));
        }

        return errors;
    }

    public Fields ToFields() => new(Organizer, OrganizerEnglish, Operator, OperatorEnglish, Address, Phone, Email, OfficeHours, IcpNumber, PoliceFilingNumber, SiteCode, ContactNote);

    public void Apply(Fields fields, string by, DateTimeOffset at)
    {
        (Organizer, OrganizerEnglish, Operator, OperatorEnglish) = (fields.Organizer, fields.OrganizerEnglish, fields.Operator, fields.OperatorEnglish);
        (Address, Phone, Email, OfficeHours) = (fields.Address, fields.Phone, fields.Email, fields.OfficeHours);
        (IcpNumber, PoliceFilingNumber, SiteCode, ContactNote) = (fields.IcpNumber, fields.PoliceFilingNumber, fields.SiteCode, fields.ContactNote);
        (UpdatedBy, UpdatedAt) = (by, at);
    }

    /// <summary>The fields an administrator sets, trimmed, with blanks as "not stated".</summary>
    [InnoCluster.Infrastructure.FeatureContract]
    public sealed record Fields(
        string? Organizer, string? OrganizerEnglish, string? Operator, string? OperatorEnglish, string? Address, string? Phone,
        string? Email, string? OfficeHours, string? IcpNumber, string? PoliceFilingNumber, string? SiteCode, string? ContactNote)
    {
        public Fields Trimmed() => new(
            Clean(Organizer), Clean(OrganizerEnglish), Clean(Operator), Clean(OperatorEnglish), Clean(Address), Clean(Phone),
            Clean(Email), Clean(OfficeHours), Clean(IcpNumber), Clean(PoliceFilingNumber), Clean(SiteCode), Clean(ContactNote));

        public bool HasIdentity => Organizer is not null || Operator is not null || IcpNumber is not null || PoliceFilingNumber is not null || SiteCode is not null;

        public bool HasContact => Address is not null || Phone is not null || Email is not null || OfficeHours is not null || ContactNote is not null;

        /// <summary>The digits of the 公网安备号, which the MPS register's link names.</summary>
        public string? PoliceFilingCode => PoliceFilingNumber is null ? null : string.Concat(PoliceFilingNumber.Where(char.IsAsciiDigit));

        public static Fields None { get; } = new(null, null, null, null, null, null, null, null, null, null, null, null);

        private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    [GeneratedRegex(@"^[0-9+\-() 转,，、]{5,40}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}ICP(备|证)\d{6,10}号(-\d{1,3})?$")]
    private static partial Regex IcpPattern();

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}公网安备 ?\d{14}号$")]
    private static partial Regex PoliceFilingPattern();

    [GeneratedRegex("^[0-9A-Za-z]{10}$")]
    private static partial Regex SiteCodePattern();
}

internal sealed class SiteProfileConfiguration : IEntityTypeConfiguration<SiteProfile>
{
    public void Configure(EntityTypeBuilder<SiteProfile> b)
    {
        b.ToTable("site_profile");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Organizer).HasMaxLength(100);
        b.Property(p => p.OrganizerEnglish).HasMaxLength(200);
        b.Property(p => p.Operator).HasMaxLength(100);
        b.Property(p => p.OperatorEnglish).HasMaxLength(200);
        b.Property(p => p.Address).HasMaxLength(200);
        b.Property(p => p.Phone).HasMaxLength(40);
        b.Property(p => p.Email).HasMaxLength(254);
        b.Property(p => p.OfficeHours).HasMaxLength(100);
        b.Property(p => p.IcpNumber).HasMaxLength(40);
        b.Property(p => p.PoliceFilingNumber).HasMaxLength(40);
        b.Property(p => p.SiteCode).HasMaxLength(10);
        b.Property(p => p.ContactNote).HasMaxLength(2000);
        b.Property(p => p.UpdatedBy).HasMaxLength(320);
    }
}
