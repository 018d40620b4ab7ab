using GovService.Web.Infrastructure.Seed;
using GovService.Web.Shared.Security;
using Microsoft.AspNetCore.Identity;
using GovService.Web.Infrastructure.Identity;

namespace GovService.Web.Modules.Accounts.Domain;

/// <summary>Two demo citizens of 云溪县 (README lists them); only with demo data.</summary>
internal sealed class DemoCitizenSeeder(UserManager<AppUser> users, TimeProvider clock) : ISeeder
{
    public int Order => 30;

    public async Task SeedAsync(SeedOptions options, CancellationToken cancellationToken)
    {
        if (!options.Demo)
        {
            return;
        }

        foreach (var (name, id, mobile) in new[] { ("张伟", "361131198506120026", "13800138000"), ("李秀英", "361131199003150041", "13900139000") })
        {
            if (await users.FindByNameAsync(id) is not null)
            {
                continue;
            }

            var user = new AppUser
            {
                UserName = id,
                IdNumber = id,
                RealName = name,
                PhoneNumber = mobile,
                Kind = AccountKind.Citizen,
                CreatedAt = clock.GetUtcNow(),
                LockoutEnabled = true,
            };
            var created = await users.CreateAsync(user, options.DemoPassword);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo citizen {name} could not be created: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }

            await users.AddToRoleAsync(user, Roles.Citizen);
        }
    }
}
