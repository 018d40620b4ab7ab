using GovService.Web.Infrastructure.Seed;
using GovService.Web.Modules.Certificates.Data;
using GovService.Web.Modules.Certificates.Domain;
using GovService.Web.Modules.Certificates.Issuance;
using GovService.Web.Modules.Intake.Contracts;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Certificates;

/// <summary>
/// 电子证照: licences issued on approval from the item's result template, signed with the platform's key,
/// verifiable by anyone (page, API, published key), held in the citizen's wallet, revoked and expired.
/// </summary>
public static class CertificatesModule
{
    public const string Name = "Certificates";

    public static IServiceCollection AddCertificates(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SigningOptions>(configuration.GetSection("Certificates:Signing"));
        services.AddSingleton<LicenceSigner>();
        services.AddScoped<LicenceIssuer>();
        services.AddScoped<ICaseDecidedHandler>(sp => sp.GetRequiredService<LicenceIssuer>());
        services.AddScoped<LicenceVerification>();
        services.AddScoped<Licences.LicenceQueries>();
        services.AddScoped<Licences.LicenceAccess>();
        services.AddScoped<Licences.RecordLicenceUse>();
        services.AddScoped<Licences.RevokeLicence>();
        services.AddScoped<Rotation.LicenceResigning>();
        services.AddScoped<ILicenceDirectory, LicenceDirectory>();
        services.AddScoped<Contracts.ILicencePrinting, LicencePrinting>();
        services.AddScoped<Jobs.LicenceExpiryJob>();
        services.AddScoped<ISeeder, Seed.LicenceTypeSeeder>();
        services.AddScoped<ISeeder, Rotation.LicenceFormUpgrade>();
        return services;
    }

    public static void RegisterCertificatesJobs(this IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<Jobs.LicenceExpiryJob>(
            Jobs.LicenceExpiryJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            "0 1 * * *",
            new RecurringJobOptions { TimeZone = Shared.Calendar.ChinaTime.Zone });

    public static void ConfigureCertificates(this ModelBuilder builder)
    {
        builder.ApplyConfiguration(new LicenceConfiguration());
        builder.ApplyConfiguration(new LicenceTypeConfiguration());
        builder.ApplyConfiguration(new LicenceSerialConfiguration());
        builder.ApplyConfiguration(new LicenceUseConfiguration());
    }
}
