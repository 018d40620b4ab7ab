using GovService.Web.Infrastructure.Data;
using GovService.Web.Infrastructure.Seed;
using GovService.Web.Modules.Accounts.Contracts;
using GovService.Web.Modules.Organization.Contracts;
using GovService.Web.Modules.Organization.Domain;
using GovService.Web.Shared.Identity;
using GovService.Web.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace GovService.Web.Modules.Organization.Seed;

/// <summary>
/// 云溪县: a made-up but realistic county with three townships, six villages, thirteen county departments plus the township governments and village committees,
/// halls with numbered windows, and one demo login per staff role (README lists them).
/// </summary>
internal sealed class DemoCountySeeder(GovDbContext db, IStaffAccounts accounts, ILogger<DemoCountySeeder> logger) : ISeeder
{
    public const string CountyCode = "361131000000";
    private const string RegionPrefix = "361131";
    private const string CountyAddress = "云溪县城关镇人民大道88号";

    public int Order => 20;

    public async Task SeedAsync(SeedOptions options, CancellationToken cancellationToken)
    {
        if (!options.Demo)
        {
            return;
        }

        // A database seeded by an earlier version gets what is new (regions, departments) added;
        // halls and demo logins are created only the first time.
        _existingRegions = await db.Set<Region>().ToDictionaryAsync(r => r.Code, cancellationToken);
        var existingDepartments = await db.Set<Department>().ToDictionaryAsync(d => d.CreditCode, cancellationToken);
        var firstTime = !_existingRegions.ContainsKey(CountyCode);

        var county = Region(CountyCode, "云溪县", RegionLevel.County, null);
        var chengguan = Region("361131100000", "城关镇", RegionLevel.Township, county);
        var shimen = Region("361131102000", "石门镇", RegionLevel.Township, county);
        var taoyuan = Region("361131201000", "桃源乡", RegionLevel.Township, county);
        Region("361131100001", "东街社区", RegionLevel.Village, chengguan);
        var hexi = Region("361131100201", "河西村", RegionLevel.Village, chengguan);
        var shimenVillage = Region("361131102201", "石门村", RegionLevel.Village, shimen);
        Region("361131102202", "龙潭村", RegionLevel.Village, shimen);
        var taoyuanVillage = Region("361131201201", "桃源村", RegionLevel.Village, taoyuan);
        var qingshi = Region("361131201202", "青石村", RegionLevel.Village, taoyuan);

        var departments = new (string Name, string Short, char Authority, char Kind, string Body, string Phone, Region Region, string Address)[]
        {
            ("云溪县政务服务数据管理局", "政数局", '1', '1', "01425301", "0793-7321001", county, CountyAddress),
            ("云溪县民政局", "民政局", '1', '1', "01425302", "0793-7321012", county, CountyAddress),
            ("云溪县卫生健康委员会", "卫健委", '1', '1', "01425303", "0793-7321023", county, CountyAddress),
            ("云溪县市场监督管理局", "市场监管局", '1', '1', "01425304", "0793-7321034", county, CountyAddress),
            ("云溪县人力资源和社会保障局", "人社局", '1', '1', "01425305", "0793-7321045", county, CountyAddress),
            ("云溪县医疗保障局", "医保局", '1', '1', "01425306", "0793-7321056", county, CountyAddress),
            ("云溪县公安局", "公安局", '1', '1', "01425307", "0793-7321067", county, "云溪县城关镇平安路6号"),
            ("云溪县住房和城乡建设局", "住建局", '1', '1', "01425308", "0793-7321078", county, CountyAddress),
            ("云溪县自然资源和规划局", "自然资源局", '1', '1', "01425309", "0793-7321089", county, CountyAddress),
            ("云溪县农业农村局", "农业农村局", '1', '1', "01425310", "0793-7321090", county, CountyAddress),
            ("云溪县财政局", "财政局", '1', '1', "01425311", "0793-7321101", county, CountyAddress),
            ("云溪县退役军人事务局", "退役军人局", '1', '1', "01425312", "0793-7321112", county, CountyAddress),
            ("云溪县残疾人联合会", "残联", '1', '1', "01425313", "0793-7321123", county, CountyAddress),
            // Township governments and village committees implement the items of levels 5 and 6.
            ("云溪县城关镇人民政府", "城关镇政府", '1', '1', "01425321", "0793-7310000", chengguan, "云溪县城关镇政府大院"),
            ("云溪县石门镇人民政府", "石门镇政府", '1', '1', "01425322", "0793-7310200", shimen, "云溪县石门镇政府大院"),
            ("云溪县桃源乡人民政府", "桃源乡政府", '1', '1', "01425323", "0793-7320100", taoyuan, "云溪县桃源乡政府大院"),
            ("云溪县城关镇河西村民委员会", "河西村委会", '5', '4', "MB100031", "0793-7310288", hexi, "河西村党群服务中心"),
            ("云溪县石门镇石门村民委员会", "石门村委会", '5', '4', "MB100032", "0793-7310388", shimenVillage, "石门村党群服务中心"),
            ("云溪县桃源乡桃源村民委员会", "桃源村委会", '5', '4', "MB100033", "0793-7320188", taoyuanVillage, "桃源村党群服务中心"),
        }.Select(d => existingDepartments.GetValueOrDefault(UnifiedSocialCreditCode.Compose(d.Authority, d.Kind, RegionPrefix, d.Body)) ?? db.Add(new Department
        {
            Name = d.Name,
            ShortName = d.Short,
            CreditCode = UnifiedSocialCreditCode.Compose(d.Authority, d.Kind, RegionPrefix, d.Body),
            RegionId = d.Region.Id,
            Phone = d.Phone,
            Address = d.Address,
        }).Entity).ToDictionary(d => d.ShortName);

        if (!firstTime)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var countyHall = Hall("云溪县政务服务中心", HallKind.CountyCentre, county, "云溪县城关镇人民大道88号", "0793-7320000",
            "周一至周五 8:30-12:00，14:30-17:30（法定节假日除外）；周六 9:00-12:00 延时服务",
            (1, "1号综合受理窗口", WindowCategory.Comprehensive), (2, "2号综合受理窗口", WindowCategory.Comprehensive),
            (3, "3号综合受理窗口", WindowCategory.Comprehensive), (4, "4号综合受理窗口", WindowCategory.Comprehensive),
            (5, "企业开办专区", WindowCategory.Business), (6, "社保医保窗口", WindowCategory.SocialSecurity),
            (7, "不动产登记窗口", WindowCategory.RealEstate), (8, "统一出件窗口", WindowCategory.Delivery),
            (9, "帮办代办窗口", WindowCategory.Assistance));
        var townshipHalls = new[] { chengguan, shimen, taoyuan }.Select(t => Hall($"{t.Name}便民服务中心", HallKind.TownshipCentre, t,
            $"云溪县{t.Name}政府大院", "0793-73" + t.Code[6..9] + "00", "周一至周五 8:30-12:00，14:30-17:30（法定节假日除外）",
            (1, "1号综合受理窗口", WindowCategory.Comprehensive), (2, "2号综合受理窗口", WindowCategory.Comprehensive),
            (3, "统一出件窗口", WindowCategory.Delivery))).ToList();
        foreach (var village in new[] { hexi, shimenVillage, taoyuanVillage })
        {
            Hall($"{village.Name}便民服务站", HallKind.VillageStation, village, $"{village.Name}党群服务中心", "0793-73" + village.Code[9..] + "88",
                "周一至周五 8:30-17:30；农忙时节预约上门", (1, "代办服务窗口", WindowCategory.Assistance));
        }

        await db.SaveChangesAsync(cancellationToken);

        var taoyuanHall = townshipHalls.Single(h => h.RegionId == taoyuan.Id);
        var staff = new (string User, string Name, string Role, string Title, string Phone, Guid? Hall, Guid? Department, Guid? Region)[]
        {
            ("admin", "周敏", Roles.Admin, "平台管理员", "0793-7321002", null, null, null),
            ("clerk", "李娜", Roles.Clerk, "综合窗口受理员", "0793-7320001", countyHall.Id, null, null),
            ("clerk.taoyuan", "黄丽", Roles.Clerk, "综合窗口受理员", "0793-7320201", taoyuanHall.Id, null, null),
            ("chief", "王强", Roles.ChiefRepresentative, "首席代表", "0793-7320009", countyHall.Id, null, null),
            ("reviewer", "陈静", Roles.Reviewer, "审批科科长", "0793-7321035", null, departments["市场监管局"].Id, null),
            ("reviewer.mz", "孙浩", Roles.Reviewer, "社会救助股股长", "0793-7321013", null, departments["民政局"].Id, null),
            ("head.scjg", "王建国", Roles.Reviewer, "局长", "0793-7321030", null, departments["市场监管局"].Id, null),
            ("reviewer.zj", "张磊", Roles.Reviewer, "行政审批股股长", "0793-7321079", null, departments["住建局"].Id, null),
            ("reviewer.rs", "钱芳", Roles.Reviewer, "城乡居民社会保险股股长", "0793-7321046", null, departments["人社局"].Id, null),
            ("supervisor", "刘洋", Roles.Supervisor, "效能监察股股长", "0793-7321003", null, null, county.Id),
            ("supervisor.taoyuan", "吴芳", Roles.Supervisor, "乡镇效能监督员", "0793-7320202", null, null, taoyuan.Id),
            ("agent", "赵大伟", Roles.Agent, "村级代办员", "0793-7320288", null, null, taoyuanVillage.Id),
            // The three-level 代办 network: a second village's agent, the township's and the county's 首席服务官 (帮办).
            ("agent.qingshi", "陈秀兰", Roles.Agent, "村级代办员", "0793-7320388", null, null, qingshi.Id),
            ("agent.taoyuan", "钱志强", Roles.Agent, "乡镇代办员", "0793-7320208", null, null, taoyuan.Id),
            ("helper", "孙立新", Roles.Agent, "首席服务官", "0793-7321009", null, null, county.Id),
        };
        foreach (var s in staff)
        {
            var account = await accounts.CreateAsync(new NewStaffAccount(s.User, s.Name, null, s.Role, options.DemoPassword), cancellationToken);
            if (!account.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {s.User} could not be created: {string.Join("; ", account.Errors.Select(e => e.Message))}");
            }

            db.Add(new StaffMember
            {
                UserId = account.UserId!.Value,
                Name = s.Name,
                Role = s.Role,
                Title = s.Title,
                OfficePhone = s.Phone,
                HallId = s.Hall,
                DepartmentId = s.Department,
                RegionId = s.Region,
                IsHead = s.Title == "局长",
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo county {County} seeded with {Departments} departments and {Staff} staff logins", county.Name, departments.Count, staff.Length);
    }

    private Dictionary<string, Region> _existingRegions = [];

    private Region Region(string code, string name, RegionLevel level, Region? parent) =>
        _existingRegions.GetValueOrDefault(code) ?? db.Add(new Region { Code = code, Name = name, Level = level, ParentId = parent?.Id }).Entity;

    private ServiceHall Hall(string name, HallKind kind, Region region, string address, string phone, string hours, params (int Number, string Name, WindowCategory Category)[] windows)
    {
        var hall = new ServiceHall { Name = name, Kind = kind, RegionId = region.Id, Address = address, Phone = phone, OpeningHours = hours };
        hall.Windows.AddRange(windows.Select(w => new ServiceWindow { HallId = hall.Id, Number = w.Number, Name = w.Name, Category = w.Category }));
        return db.Add(hall).Entity;
    }
}
