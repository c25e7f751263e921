<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DemoCloud</name>
    <message>
        <source>this build has no demo: it was configured with -DCVMI_DEMO=OFF. Build with -DCVMI_DEMO=ON (needs Qt HttpServer, qt6-httpserver-dev) or use a real account without --demo.</source>
        <translation>此版本不含演示：它以 -DCVMI_DEMO=OFF 配置构建。请以 -DCVMI_DEMO=ON 构建（需要 Qt HttpServer，即 qt6-httpserver-dev），或不加 --demo 使用真实账号。</translation>
    </message>
</context>
<context>
    <name>cvmi::Units</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 (%2 UTC)</source>
        <translation>%1（UTC %2）</translation>
    </message>
</context>
<context>
    <name>cvmi::cli::CheckCommand</name>
    <message>
        <source>Inspects a disk image (reading only its metadata) and judges it against the Tencent Cloud import rules.
Exit status: 0 compliant, 1 not compliant, 2 unusable input or error.</source>
        <translation>检查磁盘镜像（只读取其元数据），并依据腾讯云导入规则进行判定。
退出状态：0 符合要求，1 不符合要求，2 输入不可用或出错。</translation>
    </message>
    <message>
        <source>Print the result as JSON (see docs/check-json.md).</source>
        <translation>以 JSON 格式输出结果（见 docs/check-json.md）。</translation>
    </message>
    <message>
        <source>Judge with this rule file instead of the built-in rules.</source>
        <translation>使用此规则文件代替内置规则进行判定。</translation>
    </message>
    <message>
        <source>Print the bytes read from the image to standard error.</source>
        <translation>将从镜像读取的字节数输出到标准错误。</translation>
    </message>
    <message>
        <source>Usage: cvm-import check IMAGE [--json] [--policy FILE]</source>
        <translation>用法：cvm-import check IMAGE [--json] [--policy FILE]</translation>
    </message>
    <message>
        <source>Stop reading the image after SECONDS (default %1, at most %2); what is not read by then is reported as not checked, and the exit status is 2.</source>
        <translation>在 SECONDS 秒后停止读取镜像（默认 %1，最多 %2）；届时尚未读取的内容将报告为未检查，退出状态为 2。</translation>
    </message>
    <message>
        <source>--inspect-timeout: &quot;%1&quot; is not a number of seconds between 0 and %2 (e.g. 30 or 2.5).</source>
        <translation>--inspect-timeout：&quot;%1&quot; 不是 0 到 %2 之间的秒数（例如 30 或 2.5）。</translation>
    </message>
    <message>
        <source>The inspection ran out of time (%1 s): some rules could not be checked. Raise the limit with --inspect-timeout SECONDS.</source>
        <translation>检查超时（%1 秒）：部分规则未能检查。请使用 --inspect-timeout SECONDS 提高时限。</translation>
    </message>
    <message>
        <source>%1 holds several disk images (%2%3); name the one to check:</source>
        <translation>%1 中有多个磁盘镜像（%2 个%3）；请指定要检查的那一个：</translation>
    </message>
    <message>
        <source> or more</source>
        <translation>或更多</translation>
    </message>
    <message>
        <source>Checking %1, the disk image found in %2.</source>
        <translation>正在检查 %1，即在 %2 中找到的磁盘镜像。</translation>
    </message>
    <message>
        <source>Write a repair script to FILE: the changes to make inside the source VM, before exporting it again, for the failed and warned rules that can be fixed there (sh for Linux, PowerShell for Windows; see docs/repair-script.md).</source>
        <translation>将修复脚本写入 FILE：即重新导出前需要在源虚拟机内进行的更改，针对其中可在虚拟机内修复的未通过和警告规则（Linux 为 sh，Windows 为 PowerShell；参见 docs/repair-script.md）。</translation>
    </message>
    <message>
        <source>No repair script written: no rule failed or warned.</source>
        <translation>未写入修复脚本：没有未通过或警告的规则。</translation>
    </message>
    <message>
        <source>No repair script written: the rules that failed or warned (%1) cannot be fixed by a script inside the VM; their fixes are in the report.</source>
        <translation>未写入修复脚本：未通过或警告的规则（%1）无法通过虚拟机内的脚本修复；修复方法见检查报告。</translation>
    </message>
    <message numerus="yes">
        <source>Repair script written to %1: %n step(s) for %2.</source>
        <translation>
            <numerusform>已将修复脚本写入 %1：共 %n 个步骤，针对 %2。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not fixed by it (see the report): %1.</source>
        <translation>该脚本无法修复（参见报告）：%1。</translation>
    </message>
    <message>
        <source>Repair script: `cvm-import check --fix-script FILE IMAGE` writes a script that fixes %1 inside the source VM.</source>
        <translation>修复脚本：`cvm-import check --fix-script FILE IMAGE` 可生成一个在源虚拟机内修复 %1 的脚本。</translation>
    </message>
    <message>
        <source>A .qcow2, .vmdk, .vhd, .raw, .vhdx, .vdi or .ova file, or a folder holding one.</source>
        <translation>一个 .qcow2、.vmdk、.vhd、.raw、.vhdx、.vdi 或 .ova 文件，或包含此类文件的文件夹。</translation>
    </message>
</context>
<context>
    <name>cvmi::cli::CloudOptions</name>
    <message>
        <source>Use the credentials and region of this tccli profile (~/.tccli/NAME.credential and NAME.configure) instead of looking in the usual places.</source>
        <translation>使用此 tccli 配置（~/.tccli/NAME.credential 和 NAME.configure）中的访问密钥和地域，而不在常规位置查找。</translation>
    </message>
    <message>
        <source>The region to check and import in, e.g. ap-guangzhou (default: the region stored with the credentials).</source>
        <translation>要检查和导入的地域，例如 ap-guangzhou（默认为与访问密钥一同保存的地域）。</translation>
    </message>
    <message>
        <source>Send CVM API requests to this address instead of https://cvm.tencentcloudapi.com (https://, or http:// to this computer only).</source>
        <translation>将 CVM API 请求发送到此地址，而不是 https://cvm.tencentcloudapi.com（须使用 https://；仅本机地址可使用 http://）。</translation>
    </message>
    <message>
        <source>Send COS requests to this address instead of each bucket&apos;s own host (https://, or http:// to this computer only).</source>
        <translation>将 COS 请求发送到此地址，而不是各存储桶自己的域名（须使用 https://；仅本机地址可使用 http://）。</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <source>--%1: %2</source>
        <translation>--%1: %2</translation>
    </message>
    <message>
        <source>--profile needs a profile name, e.g. --profile default.</source>
        <translation>--profile 需要指定配置名称，例如 --profile default。</translation>
    </message>
    <message>
        <source>tccli profile %1</source>
        <translation>tccli 配置 %1</translation>
    </message>
    <message>
        <source>Found %1.</source>
        <translation>找到 %1。</translation>
    </message>
    <message>
        <source>Nothing there.</source>
        <translation>未找到。</translation>
    </message>
    <message>
        <source>The tccli profile &quot;%1&quot; cannot be used: %2</source>
        <translation>tccli 配置“%1”无法使用：%2</translation>
    </message>
    <message>
        <source>There is no tccli profile &quot;%1&quot; (%2 does not exist). Create it with `tccli configure --profile %1`, or leave out --profile to use the environment or the default profile.</source>
        <translation>不存在 tccli 配置“%1”（%2 不存在）。请使用 `tccli configure --profile %1` 创建，或省略 --profile 以使用环境变量或默认配置。</translation>
    </message>
    <message>
        <source>No usable Tencent Cloud credentials: a source above exists but cannot be used; fix the problem it names.</source>
        <translation>没有可用的腾讯云访问密钥：上面列出的某个来源存在但无法使用，请解决其中指出的问题。</translation>
    </message>
    <message>
        <source>No Tencent Cloud credentials were found in the places above. Set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, run `tccli configure`, or pass --profile NAME.</source>
        <translation>在上述位置均未找到腾讯云访问密钥。请设置 TENCENTCLOUD_SECRET_ID 和 TENCENTCLOUD_SECRET_KEY，运行 `tccli configure`，或传入 --profile NAME。</translation>
    </message>
    <message>
        <source>No region: the credentials (%1) do not name one. Pass --region, e.g. --region ap-guangzhou.</source>
        <translation>未指定地域：访问密钥（%1）中未指定地域。请传入 --region，例如 --region ap-guangzhou。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a region name%2. Write it as Tencent Cloud does, e.g. ap-guangzhou.</source>
        <translation>“%1”不是地域名称%2。请使用腾讯云的写法，例如 ap-guangzhou。</translation>
    </message>
    <message>
        <source> (it comes from %1)</source>
        <translation> （来自 %1）</translation>
    </message>
</context>
<context>
    <name>cvmi::cli::CosAddress</name>
    <message>
        <source>The destination &quot;%1&quot; %2 Write it as cos://BUCKET-APPID/KEY, e.g. %3.</source>
        <translation>目标地址“%1”%2请按 cos://BUCKET-APPID/KEY 格式填写，例如 %3。</translation>
    </message>
    <message>
        <source>is not a COS address (it must start with cos://).</source>
        <translation>不是 COS 地址（必须以 cos:// 开头）。</translation>
    </message>
    <message>
        <source>names no bucket.</source>
        <translation>未指定存储桶。</translation>
    </message>
    <message>
        <source>names the bucket &quot;%1&quot; without its APPID: COS buckets are called NAME-APPID (the APPID is the number under Account Information in the console).</source>
        <translation>指定的存储桶“%1”缺少 APPID：COS 存储桶的名称格式为 NAME-APPID（APPID 即控制台“账号信息”中的数字）。</translation>
    </message>
    <message>
        <source>has a key starting with &apos;/&apos; (two slashes after the bucket).</source>
        <translation>的对象键以 &apos;/&apos; 开头（存储桶后面有两个斜杠）。</translation>
    </message>
    <message>
        <source>has a key longer than COS allows (%1 bytes of UTF-8).</source>
        <translation>的对象键超出了 COS 允许的长度（UTF-8 编码 %1 字节）。</translation>
    </message>
    <message>
        <source>has a control character in its key.</source>
        <translation>的对象键中包含控制字符。</translation>
    </message>
</context>
<context>
    <name>cvmi::cli::DoctorCommand</name>
    <message>
        <source>Credentials looked for in:</source>
        <translation>查找访问密钥的位置：</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>处理方法：%1</translation>
    </message>
    <message>
        <source>Buckets in %1: none; the upload will create one.</source>
        <translation>%1 中的存储桶：无；上传时将自动创建。</translation>
    </message>
    <message numerus="yes">
        <source>Buckets in %1: none (%n in other regions); the upload will create one.</source>
        <translation>
            <numerusform>%1 中的存储桶：无（其他地域中有 %n 个）；上传时将自动创建。</numerusform>
        </translation>
    </message>
    <message>
        <source>Buckets in %1: %2</source>
        <translation>%1 中的存储桶：%2</translation>
    </message>
    <message>
        <source>Clock: %1</source>
        <translation>时钟：%1</translation>
    </message>
    <message numerus="yes">
        <source>Result: all %n check(s) passed.</source>
        <translation>
            <numerusform>结果：全部 %n 项检查均已通过。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Result: %n of %1 check(s) failed.</source>
        <translation>
            <numerusform>结果：%1 项检查中有 %n 项失败。</numerusform>
        </translation>
    </message>
    <message>
        <source>Checks that this computer can import images into Tencent Cloud: the credentials are valid, the region is available, the account may import images, and COS answers with the buckets of the region.
Exit status: 0 every check passed, 1 a check failed, 2 bad arguments or no credentials.</source>
        <translation>检查本机能否将镜像导入腾讯云：访问密钥是否有效、地域是否可用、账号是否有导入镜像的权限，以及 COS 能否返回该地域的存储桶。
退出状态：0 所有检查项均通过，1 有检查项失败，2 参数错误或没有访问密钥。</translation>
    </message>
    <message>
        <source>Print the result as JSON (see docs/cli-doctor.md).</source>
        <translation>以 JSON 格式输出结果（参见 docs/cli-doctor.md）。</translation>
    </message>
    <message>
        <source>doctor takes no file or name, only options (unexpected &quot;%1&quot;). Usage: cvm-import doctor [--region R] [--json] [--profile NAME]</source>
        <translation>doctor 不接受文件或名称，只接受选项（多余的参数 &quot;%1&quot;）。用法：cvm-import doctor [--region R] [--json] [--profile NAME]</translation>
    </message>
    <message>
        <source>Using:      %1</source>
        <translation>访问密钥：%1</translation>
    </message>
    <message>
        <source>Region:     %1 (%2)</source>
        <translation>地域：    %1（%2）</translation>
    </message>
    <message>
        <source>from --region</source>
        <translation>来自 --region</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>来自 %1</translation>
    </message>
    <message>
        <source>CVM API:    %1 (as %2)</source>
        <translation>CVM API： %1（服务域名 %2）</translation>
    </message>
    <message>
        <source>COS:        %1</source>
        <translation>COS：     %1</translation>
    </message>
    <message>
        <source>The checks did not finish within %1 minutes; try again, and check the network connection to Tencent Cloud.</source>
        <translation>检查未在 %1 分钟内完成；请重试，并检查与腾讯云之间的网络连接。</translation>
    </message>
</context>
<context>
    <name>cvmi::cli::ImportCommand</name>
    <message>
        <source>OsType, e.g. CentOS (see DescribeImportImageOs).</source>
        <translation>OsType，例如 CentOS（参见 DescribeImportImageOs）。</translation>
    </message>
    <message>
        <source>Architecture: x86_64, i386 or arm_64.</source>
        <translation>Architecture：x86_64、i386 或 arm_64。</translation>
    </message>
    <message>
        <source>ImageUrl: the COS object URL of the disk image.</source>
        <translation>ImageUrl：磁盘镜像的 COS 对象 URL。</translation>
    </message>
    <message>
        <source>ImageName of the new custom image (at most 60 characters).</source>
        <translation>新自定义镜像的 ImageName（最多 60 个字符）。</translation>
    </message>
    <message>
        <source>ImageDescription.</source>
        <translation>ImageDescription。</translation>
    </message>
    <message>
        <source>BootMode: &quot;Legacy BIOS&quot; (default) or UEFI.</source>
        <translation>BootMode：&quot;Legacy BIOS&quot;（默认）或 UEFI。</translation>
    </message>
    <message>
        <source>LicenseType: TencentCloud (default) or BYOL.</source>
        <translation>LicenseType：TencentCloud（默认）或 BYOL。</translation>
    </message>
    <message>
        <source>A tag KEY=VALUE for the image (repeatable).</source>
        <translation>镜像的标签，格式为 KEY=VALUE（可重复指定）。</translation>
    </message>
    <message>
        <source>ImageFamily.</source>
        <translation>ImageFamily。</translation>
    </message>
    <message>
        <source>Credentials looked for in:</source>
        <translation>已在以下位置查找访问密钥：</translation>
    </message>
    <message>
        <source>Using:      %1</source>
        <translation>凭证：      %1</translation>
    </message>
    <message>
        <source>Region:     %1</source>
        <translation>地域：      %1</translation>
    </message>
    <message>
        <source>Imports a disk image from COS as a custom CVM image: checks the form, runs the ImportImage DryRun, imports, and follows the image until it is NORMAL or has failed. The form comes from a draft (--draft) or from the options.
Exit status: 0 NORMAL (or the dry run allowed, or started with --no-wait), 1 IMPORTFAILED or a form with errors, 2 an error, 130/143 stopped by SIGINT/SIGTERM (the import goes on; follow it with `cvm-import imports --follow IMAGE_ID`).</source>
        <translation>从 COS 将磁盘镜像导入为云服务器 CVM 自定义镜像：检查表单，运行 ImportImage DryRun 预检，执行导入，并跟踪镜像直至其状态变为 NORMAL 或导入失败。表单来自草稿（--draft）或命令行选项。
退出状态：0 NORMAL（或预检允许，或已使用 --no-wait 发起导入），1 IMPORTFAILED 或表单有错误，2 出错，130/143 被 SIGINT/SIGTERM 中止（导入仍会继续；可使用 `cvm-import imports --follow IMAGE_ID` 跟踪）。</translation>
    </message>
    <message>
        <source>Take the form from this draft file.</source>
        <translation>从此草稿文件读取表单。</translation>
    </message>
    <message>
        <source>Force: import even if the image fails the service&apos;s own checks.</source>
        <translation>强制：即使镜像未通过服务端自身的检查，也执行导入。</translation>
    </message>
    <message>
        <source>Only validate and run the DryRun; import nothing.</source>
        <translation>仅校验表单并运行 DryRun 预检，不导入任何内容。</translation>
    </message>
    <message>
        <source>Exit once the import has started (print the ImageId) instead of following it.</source>
        <translation>导入开始后即退出（输出 ImageId），不再跟踪。</translation>
    </message>
    <message>
        <source>Print one JSON event per line (docs/cli-import.md).</source>
        <translation>每行输出一个 JSON 事件（见 docs/cli-import.md）。</translation>
    </message>
    <message>
        <source>Usage: cvm-import import (--draft FILE | --os-type T --os-version V --arch A --image-url URL --name N ...) [--dry-run] [--no-wait] [--json]; see --help.</source>
        <translation>用法：cvm-import import (--draft FILE | --os-type T --os-version V --arch A --image-url URL --name N ...) [--dry-run] [--no-wait] [--json]；详见 --help。</translation>
    </message>
    <message>
        <source>import takes no file name, only options (unexpected &quot;%1&quot;).</source>
        <translation>import 不接受文件名，只接受选项（意外的参数 &quot;%1&quot;）。</translation>
    </message>
    <message>
        <source>--%1 cannot be combined with --draft: edit the draft, or give the whole form as options.</source>
        <translation>--%1 不能与 --draft 同时使用：请编辑草稿，或以选项形式给出完整的表单。</translation>
    </message>
    <message>
        <source>--tag &quot;%1&quot; is not KEY=VALUE (the key must not be empty; the value may be).</source>
        <translation>--tag &quot;%1&quot; 不是 KEY=VALUE 格式（键不能为空，值可以为空）。</translation>
    </message>
    <message>
        <source>Lists the imports started from this computer (newest first), or follows one again until it ends.
Exit status: 0 listed, or the followed image is NORMAL; 1 it failed; 2 an error.</source>
        <translation>列出从此计算机发起的导入（最新的在前），或再次跟踪某个导入直至结束。
退出状态：0 已列出，或所跟踪的镜像状态为 NORMAL；1 导入失败；2 出错。</translation>
    </message>
    <message>
        <source>Follow this import until it ends.</source>
        <translation>跟踪此导入直至结束。</translation>
    </message>
    <message>
        <source>Print JSON (docs/cli-import.md).</source>
        <translation>输出 JSON（见 docs/cli-import.md）。</translation>
    </message>
    <message>
        <source>imports takes no file or name, only options (unexpected &quot;%1&quot;). Usage: cvm-import imports [--follow IMAGE_ID] [--json]</source>
        <translation>imports 不接受文件或名称，只接受选项（意外的参数 &quot;%1&quot;）。用法：cvm-import imports [--follow IMAGE_ID] [--json]</translation>
    </message>
    <message>
        <source>No imports recorded yet (%1).</source>
        <translation>尚无导入记录（%1）。</translation>
    </message>
    <message>
        <source>IMAGE ID</source>
        <translation>镜像 ID</translation>
    </message>
    <message>
        <source>REGION</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>STARTED (UTC)</source>
        <translation>开始时间（UTC）</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Follow one with `cvm-import imports --follow IMAGE_ID`.</source>
        <translation>如需跟踪某个导入，请运行 `cvm-import imports --follow IMAGE_ID`。</translation>
    </message>
    <message>
        <source>Image ID:   %1</source>
        <translation>镜像 ID：   %1</translation>
    </message>
    <message>
        <source>Status:     %1, %2 elapsed</source>
        <translation>状态：      %1，已用时 %2</translation>
    </message>
    <message>
        <source>Form:       valid</source>
        <translation>表单：      有效</translation>
    </message>
    <message>
        <source>Form:       has errors</source>
        <translation>表单：      有错误</translation>
    </message>
    <message>
        <source>error  </source>
        <translation>错误  </translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Dry run:    allowed (RequestId %1)</source>
        <translation>预检：      允许（RequestId %1）</translation>
    </message>
    <message>
        <source>  (%1 — trying again in %2 s, attempt %3)</source>
        <translation>  （%1 — %2 秒后重试，第 %3 次）</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Result:     %1</source>
        <translation>结果：      %1</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>处理方法：  %1</translation>
    </message>
    <message>
        <source>Image URL:  %1</source>
        <translation>镜像 URL：  %1</translation>
    </message>
    <message>
        <source>OsVersion as DescribeImportImageOs lists it, e.g. 7.</source>
        <translation>OsVersion，按 DescribeImportImageOs 列出的写法填写，例如 7。</translation>
    </message>
    <message>
        <source>OS list:    from Tencent Cloud (%1 systems), kept for offline use</source>
        <translation>系统列表：  来自腾讯云（%1 个系统），已保存以供离线使用</translation>
    </message>
    <message>
        <source>the list saved on %1</source>
        <translation>%1 保存的列表</translation>
    </message>
    <message>
        <source>the built-in list</source>
        <translation>内置列表</translation>
    </message>
    <message>
        <source>OS list:    not available (%1); the form is checked against %2, which may be out of date: a value missing from it is a warning, and the service decides</source>
        <translation>系统列表：  无法获取（%1）；表单将依据%2进行检查，该列表可能已过时：不在列表中的值仅作为警告，由服务最终决定</translation>
    </message>
    <message>
        <source>Note:       %1</source>
        <translation>注意：      %1</translation>
    </message>
</context>
<context>
    <name>cvmi::cli::Main</name>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <source>Usage: cvm-import COMMAND [OPTIONS]

Commands:
  check IMAGE    inspect a disk image and judge it against the import rules
  doctor         check the credentials, region, import permission and COS access
  upload FILE cos://BUCKET-APPID[/KEY]
                 upload a disk image to COS (resumable, checked with CRC-64)
  uploads [cos://BUCKET-APPID]
                 list or abort interrupted uploads
  objects cos://BUCKET-APPID[/PREFIX]
                 list a bucket&apos;s objects and the ImageUrl of each
  import (--draft FILE | --os-type T --os-version V --arch A --image-url URL --name N)
                 import a COS object as a custom image and follow it until it ends
  imports [--follow IMAGE_ID]
                 list the imports started here, or follow one again

Run `cvm-import COMMAND --help` for a command&apos;s options.
Exit status: 0 success/compliant, 1 not compliant or a check failed, 2 error;
upload, import: 130/143 stopped by SIGINT/SIGTERM (resumable).
</source>
        <translation>用法：cvm-import COMMAND [OPTIONS]

命令：
  check IMAGE    检查磁盘镜像，并按导入规则判断是否符合要求
  doctor         检查访问密钥、地域、导入权限和 COS 访问
  upload FILE cos://BUCKET-APPID[/KEY]
                 将磁盘镜像上传到 COS（支持续传，使用 CRC-64 校验）
  uploads [cos://BUCKET-APPID]
                 列出或中止中断的上传
  objects cos://BUCKET-APPID[/PREFIX]
                 列出存储桶中的对象及每个对象的 ImageUrl
  import (--draft FILE | --os-type T --os-version V --arch A --image-url URL --name N)
                 将 COS 对象导入为自定义镜像，并跟踪直至结束
  imports [--follow IMAGE_ID]
                 列出在本机发起的导入，或再次跟踪其中一个

运行 `cvm-import COMMAND --help` 可查看命令的选项。
退出状态：0 成功/符合要求，1 不符合要求或检查失败，2 错误；
upload、import：130/143 表示被 SIGINT/SIGTERM 中止（可续传）。
</translation>
    </message>
    <message>
        <source>%1 is not installed beside it</source>
        <translation>%1 未安装在它旁边</translation>
    </message>
    <message>
        <source>cvm-import cannot run &quot;%1&quot;: %2. Reinstall cvm-import-wizard.</source>
        <translation>cvm-import 无法运行 &quot;%1&quot;：%2。请重新安装 cvm-import-wizard。</translation>
    </message>
</context>
<context>
    <name>cvmi::cli::ObjectsCommand</name>
    <message>
        <source>Usage: cvm-import objects cos://BUCKET-APPID[/PREFIX] [--max N] [--json] [--region REGION]</source>
        <translation>用法：cvm-import objects cos://BUCKET-APPID[/PREFIX] [--max N] [--json] [--region REGION]</translation>
    </message>
    <message>
        <source>Lists the objects of a COS bucket (under PREFIX) with their size, last modification and the ImageUrl to pass to `cvm-import import --image-url`, for an image that is in COS already. For a private bucket, the import signs that URL when it starts.
Exit status: 0 listed, 2 error.</source>
        <translation>列出 COS 存储桶中（PREFIX 下）的对象及其大小、最后修改时间和可传给 `cvm-import import --image-url` 的 ImageUrl，适用于镜像已在 COS 中的情况。对于私有存储桶，导入开始时会为该 URL 签名。
退出状态：0 已列出，2 出错。</translation>
    </message>
    <message>
        <source>cos://BUCKET-APPID[/PREFIX]</source>
        <translation>cos://BUCKET-APPID[/PREFIX]</translation>
    </message>
    <message>
        <source>Print the list as JSON (see docs/cli-objects.md).</source>
        <translation>以 JSON 格式输出列表（见 docs/cli-objects.md）。</translation>
    </message>
    <message>
        <source>List at most N objects (default %1).</source>
        <translation>最多列出 N 个对象（默认 %1）。</translation>
    </message>
    <message>
        <source>objects needs a bucket, e.g. cos://images-1250000000/.</source>
        <translation>objects 需要指定一个存储桶，例如 cos://images-1250000000/。</translation>
    </message>
    <message>
        <source>objects takes one bucket (unexpected &quot;%1&quot;).</source>
        <translation>objects 只接受一个存储桶（意外的参数 &quot;%1&quot;）。</translation>
    </message>
    <message>
        <source>--max needs a whole number of objects, 1 or more (got &quot;%1&quot;).</source>
        <translation>--max 需要一个不小于 1 的整数对象数（而不是 &quot;%1&quot;）。</translation>
    </message>
    <message>
        <source>Listing %1 (%2) failed: %3</source>
        <translation>列出 %1（%2）失败：%3</translation>
    </message>
    <message>
        <source>Objects in %1 (%2): %3%4</source>
        <translation>%1（%2）中的对象：%3%4</translation>
    </message>
    <message>
        <source> (more follow)</source>
        <translation> （还有更多）</translation>
    </message>
    <message>
        <source>%1 bytes, modified %2</source>
        <translation>%1 字节，修改于 %2</translation>
    </message>
    <message>
        <source>%1 (%2 bytes), modified %3</source>
        <translation>%1（%2 字节），修改于 %3</translation>
    </message>
    <message>
        <source>More objects follow: --max %1 lists more, a longer PREFIX fewer.</source>
        <translation>还有更多对象：使用 --max %1 可列出更多，使用更长的 PREFIX 可缩小范围。</translation>
    </message>
    <message>
        <source>Pass an ImageUrl to `cvm-import import --image-url`; for a private bucket the import signs it when it starts.</source>
        <translation>将 ImageUrl 传给 `cvm-import import --image-url` 即可导入；对于私有存储桶，导入开始时会为其签名。</translation>
    </message>
</context>
<context>
    <name>cvmi::cli::SizeArgument</name>
    <message>
        <source>--%1 &quot;%2&quot; is not a size: write a number of bytes with an optional unit K, M, G or T (powers of 1024; KiB, MB and so on are read the same), e.g. 8M or 64MiB.</source>
        <translation>--%1 &quot;%2&quot; 不是有效的大小：请填写字节数，可带单位 K、M、G 或 T（按 1024 的幂计算；KiB、MB 等写法也按相同方式解读），例如 8M 或 64MiB。</translation>
    </message>
</context>
<context>
    <name>cvmi::cli::TextReport</name>
    <message>
        <source>Image:      %1</source>
        <translation>镜像：      %1</translation>
    </message>
    <message>
        <source>File size:  %1</source>
        <translation>文件大小：  %1</translation>
    </message>
    <message>
        <source>Format:     %1 (%2)</source>
        <translation>格式：      %1（%2）</translation>
    </message>
    <message>
        <source>Disk size:  %1</source>
        <translation>磁盘大小：  %1</translation>
    </message>
    <message>
        <source>Partitions: unreadable (%1)</source>
        <translation>分区：      无法读取（%1）</translation>
    </message>
    <message>
        <source>Partitions: %1</source>
        <translation>分区：      %1</translation>
    </message>
    <message>
        <source> (boot)</source>
        <translation> （启动分区）</translation>
    </message>
    <message>
        <source>System:     none found%1</source>
        <translation>系统：      未找到%1</translation>
    </message>
    <message>
        <source>System:     %1, %2, on %3</source>
        <translation>系统：      %1，%2，位于%3</translation>
    </message>
    <message>
        <source>Kernel:     %1%2</source>
        <translation>内核：      %1%2</translation>
    </message>
    <message>
        <source> (not native)</source>
        <translation> （非发行版自带）</translation>
    </message>
    <message>
        <source>Import as:  OsType=%1 OsVersion=%2 Architecture=%3 BootMode=&quot;%4&quot; LicenseType=%5 ImageName=%6</source>
        <translation>导入参数：  OsType=%1 OsVersion=%2 Architecture=%3 BootMode=&quot;%4&quot; LicenseType=%5 ImageName=%6</translation>
    </message>
    <message>
        <source>Error [%1]: %2</source>
        <translation>错误 [%1]：%2</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>处理方法：%1</translation>
    </message>
    <message>
        <source>Result: meets the import rules (rules %1 %2).</source>
        <translation>结果：符合导入规则（规则 %1 %2）。</translation>
    </message>
    <message numerus="yes">
        <source>Result: NOT importable: %n rule(s) failed.</source>
        <translation>
            <numerusform>结果：不可导入，%n 条规则未通过。</numerusform>
        </translation>
    </message>
    <message>
        <source>Time limit: %1 s, ran out; not read: %2</source>
        <translation>时限：%1 秒，已超时；未读取：%2</translation>
    </message>
    <message>
        <source>Result: NOT fully checked: the inspection ran out of time; no rule failed in what was read.</source>
        <translation>结果：未完全检查：检查超时；在已读取的内容中没有规则未通过。</translation>
    </message>
    <message>
        <source>Logical volumes:</source>
        <translation>逻辑卷：</translation>
    </message>
    <message>
        <source>Format:     %1 (%2), converted to %3 by the upload</source>
        <translation>格式：      %1（%2），上传时转换为 %3</translation>
    </message>
</context>
<context>
    <name>cvmi::cli::UploadCommand</name>
    <message>
        <source>in one request</source>
        <translation>通过单个请求上传</translation>
    </message>
    <message numerus="yes">
        <source>in %n part(s) of %1, %2 at a time</source>
        <translation>
            <numerusform>分为 %n 个 %1 的分块，每次并发 %2 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Uploading %1 (%2) to %3 in %4, %5%6.</source>
        <translation>正在将 %1（%2）上传到 %3（%4），%5%6。</translation>
    </message>
    <message>
        <source>, at most %1</source>
        <translation>，速度上限 %1</translation>
    </message>
    <message numerus="yes">
        <source>Resuming the interrupted upload: %n of %1 part(s) on record; the server is asked which it still has.</source>
        <translation>
            <numerusform>正在续传中断的上传：断点记录中有 %n 个分块（共 %1 个）；正在向服务器查询其中仍保留的分块。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 part(s) are on the server and reused.</source>
        <translation>
            <numerusform>服务器上已有 %n 个分块（共 %1 个），将直接复用。</numerusform>
        </translation>
    </message>
    <message>
        <source>Every part is sent and the upload is being completed; %1 again stops at once.</source>
        <translation>所有分块均已发送，正在完成上传；再次按 %1 将立即停止。</translation>
    </message>
    <message>
        <source>Stopping once the parts in flight are confirmed (%1 again stops at once)...</source>
        <translation>正在等待传输中的分块确认后停止（再次按 %1 将立即停止）...</translation>
    </message>
    <message numerus="yes">
        <source>Stopped (%1). %n of %2 part(s) are on the server and recorded for resuming: run the same command again to resume, or discard them with `cvm-import uploads --abort %3`.</source>
        <translation>
            <numerusform>已停止（%1）。服务器上已有 %n 个分块（共 %2 个），并已记录以便续传：再次运行相同的命令即可续传，或使用 `cvm-import uploads --abort %3` 丢弃这些分块。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped (%1) before anything could be kept: run the same command again to upload from the start.</source>
        <translation>已停止（%1），尚无可保留的内容：再次运行相同的命令将从头开始上传。</translation>
    </message>
    <message>
        <source>Upload failed: %1</source>
        <translation>上传失败：%1</translation>
    </message>
    <message>
        <source>To upload the file as it is now, run the command again with --restart.</source>
        <translation>如需按文件当前内容上传，请加上 --restart 重新运行该命令。</translation>
    </message>
    <message>
        <source>The parts sent so far are kept: once the problem is fixed, run the same command again to resume.</source>
        <translation>已发送的分块均已保留：问题解决后，再次运行相同的命令即可续传。</translation>
    </message>
    <message>
        <source>Uploaded %1 in %2 (%3 on average).</source>
        <translation>已上传 %1，用时 %2（平均 %3）。</translation>
    </message>
    <message numerus="yes">
        <source>Resumed: %n part(s) reused from the interrupted upload, %1 sent now.</source>
        <translation>
            <numerusform>已续传：复用了中断上传中的 %n 个分块，本次发送 %1 个。</numerusform>
        </translation>
    </message>
    <message>
        <source>URL:    %1</source>
        <translation>URL:    %1</translation>
    </message>
    <message>
        <source>CRC-64: %1 (x-cos-hash-crc64ecma, checked)</source>
        <translation>CRC-64: %1（x-cos-hash-crc64ecma，已校验）</translation>
    </message>
    <message>
        <source>Usage: cvm-import upload FILE cos://BUCKET-APPID[/KEY] [options]; see cvm-import upload --help.</source>
        <translation>用法：cvm-import upload FILE cos://BUCKET-APPID[/KEY] [options]；详见 cvm-import upload --help。</translation>
    </message>
    <message>
        <source>Uploads FILE to COS as cos://BUCKET-APPID/KEY (KEY: default the file&apos;s name; ending in &apos;/&apos;: a folder, the file&apos;s name added), in parts sent in parallel, each checked with CRC-64. An interrupted upload (Ctrl+C, a crash, a lost network) resumes when the same command runs again.
Exit status: 0 uploaded, 2 error, 130/143 stopped by SIGINT/SIGTERM (resumable).</source>
        <translation>将 FILE 上传到 COS，地址为 cos://BUCKET-APPID/KEY（KEY 默认为文件名；以 &apos;/&apos; 结尾时表示文件夹，并在其后加上文件名），分块并行发送，每个分块都经过 CRC-64 校验。上传中断（Ctrl+C、程序崩溃、网络断开）后，再次运行相同的命令即可续传。
退出状态：0 上传成功，2 出错，130/143 被 SIGINT/SIGTERM 中止（可续传）。</translation>
    </message>
    <message>
        <source>The disk image to upload.</source>
        <translation>要上传的磁盘镜像文件。</translation>
    </message>
    <message>
        <source>cos://BUCKET-APPID[/KEY]</source>
        <translation>cos://BUCKET-APPID[/KEY]</translation>
    </message>
    <message>
        <source>Write one JSON event per line to stdout instead of the progress line (see docs/cli-upload.md).</source>
        <translation>向 stdout 每行输出一个 JSON 事件，而不是显示进度行（参见 docs/cli-upload.md）。</translation>
    </message>
    <message>
        <source>Size of each part, 1M to 5G (default: 8M, more for files over 78 GiB).</source>
        <translation>每个分块的大小，1M 到 5G（默认 8M，超过 78 GiB 的文件会更大）。</translation>
    </message>
    <message>
        <source>Parts sent at once, 1 to 32 (default 4).</source>
        <translation>同时发送的分块数，1 到 32（默认 4）。</translation>
    </message>
    <message>
        <source>At most this many bytes per second over all parts, e.g. 2M (default: none).</source>
        <translation>所有分块合计每秒最多发送的字节数，例如 2M（默认不限速）。</translation>
    </message>
    <message>
        <source>Discard an interrupted upload of this file to this place (its parts are aborted on the server) and start over.</source>
        <translation>丢弃此文件到此目标地址的中断上传（服务器上的分块将被终止），并从头开始。</translation>
    </message>
    <message>
        <source>upload needs a file and a destination.</source>
        <translation>upload 需要一个文件和一个目标地址。</translation>
    </message>
    <message>
        <source>upload takes one file and one destination (unexpected &quot;%1&quot;).</source>
        <translation>upload 只接受一个文件和一个目标地址（多余的参数“%1”）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not exist.</source>
        <translation>“%1”不存在。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a readable file.</source>
        <translation>“%1”不是可读取的文件。</translation>
    </message>
    <message>
        <source>--part-size %1 is outside what COS accepts: from 1 MiB to 5 GiB.</source>
        <translation>--part-size %1 超出了 COS 接受的范围：1 MiB 到 5 GiB。</translation>
    </message>
    <message>
        <source>--concurrency &quot;%1&quot; is not a number from 1 to 32.</source>
        <translation>--concurrency &quot;%1&quot; 不是 1 到 32 之间的数字。</translation>
    </message>
    <message>
        <source>--limit-rate %1 is below 1 KiB/s, too slow to finish a part before the stall timeout.</source>
        <translation>--limit-rate %1 低于 1 KiB/s，速度过慢，无法在停滞超时前传完一个分块。</translation>
    </message>
    <message>
        <source>The interrupted upload used %1 parts and resumes with them; add --restart to start over with %2 parts.</source>
        <translation>中断的上传使用 %1 的分块，将沿用该大小续传；如需改用 %2 的分块从头开始，请加上 --restart。</translation>
    </message>
    <message>
        <source>Clock: %1</source>
        <translation>时钟：%1</translation>
    </message>
    <message numerus="yes">
        <source>Checking %n part(s) already sent against the file (%1 to read)...</source>
        <translation>
            <numerusform>正在对照文件校验已发送的 %n 个分块（需读取 %1）...</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n part(s) already sent match the file.</source>
        <translation>
            <numerusform>已发送的 %n 个分块与文件一致。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n part(s) already sent no longer match the file (it changed since, its modification time kept): part(s) %1. They are sent again.</source>
        <translation>
            <numerusform>已发送的 %n 个分块与文件不再一致（文件此后已更改，但修改时间未变）：分块 %1。这些分块将重新发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>The file name %1 is not valid UTF-8, which an object key must be: the object is named &quot;%2&quot;. Add the key to the destination (cos://BUCKET-APPID/KEY) to choose another name.</source>
        <translation>文件名 %1 不是有效的 UTF-8，而对象键必须是 UTF-8：对象将命名为 &quot;%2&quot;。如需使用其他名称，请在目标地址中加上对象键（cos://BUCKET-APPID/KEY）。</translation>
    </message>
    <message>
        <source>qcow2: send the disk as a compressed, sparse qcow2 made while it is sent (any image format we read; no temporary copy); none: send the file as it is (the default).</source>
        <translation>qcow2：边上传边将磁盘转换为压缩、稀疏的 qcow2 发送（支持本程序可读取的任何镜像格式；不生成临时副本）；none：按原样发送文件（默认）。</translation>
    </message>
    <message>
        <source>--convert &quot;%1&quot; is not a conversion: use qcow2 or none.</source>
        <translation>--convert &quot;%1&quot; 不是可用的转换方式：请使用 qcow2 或 none。</translation>
    </message>
    <message>
        <source>converted to a compressed qcow2 on the way, in parts of %1, %2 at a time</source>
        <translation>上传途中转换为压缩的 qcow2，分块大小 %1，同时传输 %2 个</translation>
    </message>
    <message>
        <source>converted to a compressed qcow2 on the way, %1 part(s) at a time</source>
        <translation>上传途中转换为压缩的 qcow2，同时传输 %1 个分块</translation>
    </message>
    <message numerus="yes">
        <source>Resuming the interrupted upload: %n part(s) on record; the disk is converted again and each part the server still has is compared with the new one before the rest is sent.</source>
        <translation>
            <numerusform>继续中断的上传：记录中有 %n 个分块；磁盘将重新转换，服务器上仍保留的每个分块先与新生成的分块比对，然后再发送其余分块。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n part(s) are on the server; each is reused if the disk converted again gives the same bytes.</source>
        <translation>
            <numerusform>服务器上有 %n 个分块；若重新转换磁盘得到相同的字节，则复用这些分块。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped (%1). %n part(s) are on the server and recorded for resuming: run the same command again to resume (the disk is converted again and the parts compared), or discard them with `cvm-import uploads --abort %2`.</source>
        <translation>
            <numerusform>已停止（%1）。服务器上有 %n 个分块，已记录以便继续：再次运行同一命令即可继续（磁盘会重新转换并比对分块），或用 `cvm-import uploads --abort %2` 丢弃它们。</numerusform>
        </translation>
    </message>
    <message>
        <source>Converted to %1 on the way: %2 sent for a %3 file (%4 of it) holding a %5 disk.</source>
        <translation>上传途中已转换为 %1：文件 %3（%4）共发送 %2，其中磁盘大小为 %5。</translation>
    </message>
    <message>
        <source>--convert none: %1 is a %2 disk, which Tencent Cloud does not import as it is, so it can only be uploaded converted to qcow2. Leave out --convert none.</source>
        <translation>--convert none：%1 是 %2 磁盘，腾讯云不支持直接导入该格式，因此只能转换为 qcow2 后上传。请去掉 --convert none。</translation>
    </message>
    <message>
        <source>%1 is a %2 disk, which Tencent Cloud does not import as it is: it is sent converted to a compressed qcow2, made while sending.</source>
        <translation>%1 是 %2 磁盘，腾讯云不支持直接导入该格式：上传时会将其转换为压缩的 qcow2 格式，转换在发送过程中同步完成。</translation>
    </message>
</context>
<context>
    <name>cvmi::cli::UploadProgressView</name>
    <message>
        <source>preparing</source>
        <translation>准备中</translation>
    </message>
    <message>
        <source>uploading</source>
        <translation>上传中</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>正在停止</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>completing</source>
        <translation>正在完成</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1% %2 of %3, %4, ETA %5, parts %6/%7</source>
        <translation>%1% 已上传 %2/%3，%4，剩余时间 %5，分块 %6/%7</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>checking</source>
        <translation>校验中</translation>
    </message>
    <message>
        <source>%1% %2 of %3 read, parts already sent %4/%5</source>
        <translation>%1% 已读取 %2/%3，已发送的分块 %4/%5</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>%1% read %2 of %3, sent %4, %5, ETA %6, parts %7</source>
        <translation>%1% 已读取 %2 / %3，已发送 %4，%5，剩余时间 %6，分块 %7</translation>
    </message>
</context>
<context>
    <name>cvmi::cli::UploadsCommand</name>
    <message numerus="yes">
        <source>%n second(s) ago</source>
        <translation>
            <numerusform>%n 秒前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n 分钟前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n 小时前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
    <message>
        <source>uploads takes at most one bucket (unexpected &quot;%1&quot;).</source>
        <translation>uploads 最多只接受一个存储桶（意外的参数 &quot;%1&quot;）。</translation>
    </message>
    <message>
        <source>Use either --abort UPLOAD_ID or --abort-all, not both.</source>
        <translation>--abort UPLOAD_ID 与 --abort-all 只能二选一。</translation>
    </message>
    <message>
        <source>Usage: cvm-import uploads [cos://BUCKET-APPID[/PREFIX]] [--abort UPLOAD_ID | --abort-all] [--json]</source>
        <translation>用法：cvm-import uploads [cos://BUCKET-APPID[/PREFIX]] [--abort UPLOAD_ID | --abort-all] [--json]</translation>
    </message>
    <message>
        <source>Listing the unfinished uploads of %1 failed: %2</source>
        <translation>列出 %1 中未完成的上传失败：%2</translation>
    </message>
    <message>
        <source>The resume record %1 names an endpoint that cannot be used: %2</source>
        <translation>断点记录 %1 中的接入地址无法使用：%2</translation>
    </message>
    <message>
        <source>--abort needs an upload ID, as `cvm-import uploads` lists it.</source>
        <translation>--abort 需要一个上传 ID，即 `cvm-import uploads` 所列出的 ID。</translation>
    </message>
    <message>
        <source>No unfinished upload %1 in %2, and no local resume record of it.</source>
        <translation>%2 中没有未完成的上传 %1，本地也没有它的断点记录。</translation>
    </message>
    <message>
        <source>No local resume record has the upload ID %1. To abort an upload only the server knows, name its bucket: cvm-import uploads cos://BUCKET-APPID --abort %1.</source>
        <translation>没有任何本地断点记录的上传 ID 为 %1。如需终止仅服务端知晓的上传，请指定其存储桶：cvm-import uploads cos://BUCKET-APPID --abort %1。</translation>
    </message>
    <message>
        <source>Aborted upload %1 of cos://%2/%3%4.</source>
        <translation>已终止 cos://%2/%3 的上传 %1%4。</translation>
    </message>
    <message>
        <source>; its resume record is removed</source>
        <translation>；其断点记录已删除</translation>
    </message>
    <message>
        <source>Could not abort upload %1 of cos://%2/%3: %4</source>
        <translation>无法终止 cos://%2/%3 的上传 %1：%4</translation>
    </message>
    <message>
        <source>Resume records in %1: %2</source>
        <translation>%1 中的断点记录：%2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>(unusable) %1</source>
        <translation>（不可用）%1</translation>
    </message>
    <message>
        <source>%1 of %2 parts done, last part %3, upload ID %4</source>
        <translation>已完成 %1/%2 个分块，最后一个分块于 %3上传，上传 ID %4</translation>
    </message>
    <message>
        <source>Resume one by running its upload command again.</source>
        <translation>再次运行相应的上传命令即可续传。</translation>
    </message>
    <message>
        <source>Unfinished multipart uploads in %1 (%2): %3</source>
        <translation>%1（%2）中未完成的分块上传：%3</translation>
    </message>
    <message>
        <source>upload ID %1, started %2, %3</source>
        <translation>上传 ID %1，开始于 %2，%3</translation>
    </message>
    <message>
        <source>resumable from %1</source>
        <translation>可从 %1 续传</translation>
    </message>
    <message>
        <source>no local resume record</source>
        <translation>无本地断点记录</translation>
    </message>
    <message>
        <source>Their parts cost storage until completed or aborted: cvm-import uploads %1 --abort UPLOAD_ID (or --abort-all).</source>
        <translation>这些上传的分块在完成或终止之前会持续产生存储费用：cvm-import uploads %1 --abort UPLOAD_ID（或 --abort-all）。</translation>
    </message>
    <message>
        <source>Lists the resume records of interrupted uploads on this computer and, given a bucket, the unfinished multipart uploads the server keeps (their parts cost storage until completed or aborted), marking those a record here can resume. --abort and --abort-all abort on the server and remove the matching records.
Exit status: 0 done, 2 error.</source>
        <translation>列出本计算机上中断的上传的断点记录；如果指定了存储桶，还会列出服务端保留的未完成分块上传（其分块在完成或终止之前会产生存储费用），并标出可由本地记录续传的上传。--abort 和 --abort-all 会在服务端终止上传，并删除对应的记录。
退出状态：0 完成，2 出错。</translation>
    </message>
    <message>
        <source>cos://BUCKET-APPID[/PREFIX]</source>
        <translation>cos://BUCKET-APPID[/PREFIX]</translation>
    </message>
    <message>
        <source>Print the lists as JSON (see docs/cli-upload.md).</source>
        <translation>以 JSON 格式输出列表（见 docs/cli-upload.md）。</translation>
    </message>
    <message>
        <source>Abort the upload with this ID (from the list) and remove its resume record.</source>
        <translation>终止具有此 ID（见列表）的上传，并删除其断点记录。</translation>
    </message>
    <message>
        <source>Abort every unfinished upload listed: the bucket&apos;s (under PREFIX), or without a bucket every one a local record names.</source>
        <translation>终止列出的所有未完成上传：指定存储桶时为该存储桶中（PREFIX 下）的上传，未指定存储桶时为本地记录所涉及的每个上传。</translation>
    </message>
    <message>
        <source>Listing the unfinished uploads of cos://%1/%2 failed: %3</source>
        <translation>列出 cos://%1/%2 的未完成上传失败：%3</translation>
    </message>
    <message>
        <source>Removed the resume record of cos://%1/%2: its interrupted start left no upload on the server.</source>
        <translation>已删除 cos://%1/%2 的断点记录：那次中断的启动没有在服务器上留下上传。</translation>
    </message>
    <message>
        <source>interrupted while starting, %1, before the server&apos;s answer: running its upload command again (or --abort-all) aborts whatever that start left</source>
        <translation>在启动时中断（%1），当时服务器尚未应答：再次运行它的上传命令（或使用 --abort-all）会终止那次启动留下的一切</translation>
    </message>
    <message>
        <source>it is in use by process %1; stop that run first</source>
        <translation>它正被进程 %1 使用；请先停止那次运行</translation>
    </message>
    <message>
        <source>in use by process %1</source>
        <translation>正被进程 %1 使用</translation>
    </message>
    <message>
        <source>in use by another run</source>
        <translation>正被另一次运行使用</translation>
    </message>
    <message numerus="yes">
        <source>converted to qcow2, %n part(s) of %1 done, last part %2, upload ID %3</source>
        <translation>
            <numerusform>转换为 qcow2，已完成 %n 个 %1 的分块，最后分块 %2，上传 ID %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cvmi::cloud::BucketName</name>
    <message>
        <source>Enter a bucket name: 1 to %1 lower-case letters, digits and &apos;-&apos;.</source>
        <translation>请输入存储桶名称：1 至 %1 个小写字母、数字和 &apos;-&apos;。</translation>
    </message>
    <message>
        <source>The bucket name &quot;%1&quot; has %2 characters; COS allows at most %3 before the -APPID suffix.</source>
        <translation>存储桶名称“%1”有 %2 个字符；COS 最多允许 %3 个字符（不含 -APPID 后缀）。</translation>
    </message>
    <message>
        <source>The bucket name &quot;%1&quot; contains &apos;%2&apos;; COS allows only lower-case letters a-z, digits 0-9 and &apos;-&apos;.</source>
        <translation>存储桶名称“%1”包含 &apos;%2&apos;；COS 只允许使用小写字母 a-z、数字 0-9 和 &apos;-&apos;。</translation>
    </message>
    <message>
        <source>The bucket name &quot;%1&quot; starts or ends with &apos;-&apos;; COS does not allow that.</source>
        <translation>存储桶名称“%1”以 &apos;-&apos; 开头或结尾；COS 不允许这样命名。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an APPID: it is the number shown under Account Information in the Tencent Cloud console (e.g. 1250000000).</source>
        <translation>“%1”不是 APPID：APPID 是腾讯云控制台“账号信息”中显示的数字（例如 1250000000）。</translation>
    </message>
</context>
<context>
    <name>cvmi::cloud::ClockSkew</name>
    <message>
        <source>Your clock is %1 s off: it is %1 s behind Tencent Cloud&apos;s. Requests were corrected for this, but set the system clock right (automatic time / NTP).</source>
        <translation>您的时钟偏差 %1 秒：比腾讯云的时钟慢 %1 秒。请求已据此校正，但请将系统时钟调整正确（自动设置时间 / NTP）。</translation>
    </message>
    <message>
        <source>Your clock is %1 s off: it is %1 s ahead of Tencent Cloud&apos;s. Requests were corrected for this, but set the system clock right (automatic time / NTP).</source>
        <translation>您的时钟偏差 %1 秒：比腾讯云的时钟快 %1 秒。请求已据此校正，但请将系统时钟调整正确（自动设置时间 / NTP）。</translation>
    </message>
</context>
<context>
    <name>cvmi::cloud::CloudEndpoints</name>
    <message>
        <source>The endpoint &quot;%1&quot; is not a usable address: write it as https://host[:port], for example https://cvm.tencentcloudapi.com.</source>
        <translation>接入地址“%1”不是可用的地址：请写成 https://host[:port] 的形式，例如 https://cvm.tencentcloudapi.com。</translation>
    </message>
    <message>
        <source>The endpoint &quot;%1&quot; must be only a scheme, a host and an optional port (no path, user name, query or fragment).</source>
        <translation>接入地址“%1”只能包含协议、主机名和可选的端口（不能包含路径、用户名、查询参数或片段）。</translation>
    </message>
    <message>
        <source>The endpoint &quot;%1&quot; uses plain http:// to another machine, which would expose your signed requests. Use https://, or http:// only for this computer (127.0.0.1, ::1, localhost).</source>
        <translation>接入地址“%1”使用明文 http:// 访问其他计算机，这会暴露您已签名的请求。请使用 https://；http:// 仅可用于本机（127.0.0.1、::1、localhost）。</translation>
    </message>
</context>
<context>
    <name>cvmi::cloud::CloudErrors</name>
    <message>
        <source>Ask the account&apos;s administrator to grant cvm:ImportImage: in the CAM console → Policies, attach QcloudCVMFullAccess to your user, or a custom policy allowing cvm:ImportImage (and cos:GetObject on the image&apos;s bucket). As the CVM console says, importing images may also have to be enabled for the account through a ticket to Tencent Cloud support.</source>
        <translation>请联系账号管理员授予 cvm:ImportImage 权限：在访问管理（CAM）控制台 → 策略中，为您的用户关联 QcloudCVMFullAccess，或关联允许 cvm:ImportImage（以及对镜像所在存储桶的 cos:GetObject）的自定义策略。如 CVM 控制台所述，可能还需要提交工单联系腾讯云技术支持，为该账号开通镜像导入功能。</translation>
    </message>
    <message>
        <source>Tencent Cloud refused the request.</source>
        <translation>腾讯云拒绝了该请求。</translation>
    </message>
    <message>
        <source>Read the service&apos;s message; if it is unclear, open a ticket quoting the RequestId.</source>
        <translation>请阅读服务返回的信息；如仍不清楚，请提交工单并附上 RequestId。</translation>
    </message>
    <message>
        <source>COS refused the request.</source>
        <translation>COS 拒绝了该请求。</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>（%1）</translation>
    </message>
</context>
<context>
    <name>cvmi::cloud::CosSigner</name>
    <message>
        <source>A pre-signed URL must expire within 1 second to 7 days (%1 seconds); %2 seconds was asked. Choose a shorter validity: anyone holding the URL can download the image until it expires.</source>
        <translation>预签名 URL 的有效期必须在 1 秒至 7 天（%1 秒）之间；请求的有效期为 %2 秒。请缩短有效期：在 URL 过期之前，任何持有该 URL 的人都可以下载该镜像。</translation>
    </message>
    <message>
        <source>A pre-signed URL needs the bucket&apos;s host name.</source>
        <translation>预签名 URL 需要存储桶的主机名。</translation>
    </message>
</context>
<context>
    <name>cvmi::cloud::CredentialSources</name>
    <message>
        <source>%1 is not a credentials file (not a regular file, or larger than 1 MiB).</source>
        <translation>%1 不是访问密钥文件（不是普通文件，或大于 1 MiB）。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2 at byte %3.</source>
        <translation>%1 不是有效的 JSON：%2（位于第 %3 字节）。</translation>
    </message>
    <message>
        <source>%1 does not hold a JSON object.</source>
        <translation>%1 不包含 JSON 对象。</translation>
    </message>
    <message>
        <source>In %1, &quot;%2&quot; is not a string.</source>
        <translation>在 %1 中，&quot;%2&quot; 不是字符串。</translation>
    </message>
    <message>
        <source>line %1: a tab in the indentation (YAML allows only spaces)</source>
        <translation>第 %1 行：缩进中含有制表符（YAML 只允许空格）</translation>
    </message>
    <message>
        <source>line %1: unterminated quoted value</source>
        <translation>第 %1 行：带引号的值缺少结束引号</translation>
    </message>
    <message>
        <source>%1 uses the CVM instance role, which only works on a cloud server. Enter a SecretId and SecretKey instead.</source>
        <translation>%1 使用的是 CVM 实例角色，仅在云服务器上有效。请改为输入 SecretId 和 SecretKey。</translation>
    </message>
    <message>
        <source>%1 has no secretId and secretKey.</source>
        <translation>%1 中没有 secretId 和 secretKey。</translation>
    </message>
    <message>
        <source>%1, line %2: expected &quot;[section]&quot; or &quot;name = value&quot;.</source>
        <translation>%1 第 %2 行：应为 &quot;[section]&quot; 或 &quot;name = value&quot;。</translation>
    </message>
    <message>
        <source>%1 has no [default] section with secret_id and secret_key.</source>
        <translation>%1 中没有包含 secret_id 和 secret_key 的 [default] 节。</translation>
    </message>
    <message>
        <source>%1 cannot be read as coscli&apos;s configuration: %2.</source>
        <translation>%1 无法作为 coscli 的配置读取：%2。</translation>
    </message>
    <message>
        <source>%1 has no cos.base.secretid and cos.base.secretkey.</source>
        <translation>%1 中没有 cos.base.secretid 和 cos.base.secretkey。</translation>
    </message>
    <message>
        <source>(no SecretId)</source>
        <translation>（无 SecretId）</translation>
    </message>
    <message>
        <source>Only part of the credentials is in the environment: TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY must both be set (%1 is empty).</source>
        <translation>环境变量中只有部分访问密钥：必须同时设置 TENCENTCLOUD_SECRET_ID 和 TENCENTCLOUD_SECRET_KEY（%1 为空）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a tccli profile name.</source>
        <translation>“%1”不是 tccli 配置名称。</translation>
    </message>
    <message>
        <source>Found %1.</source>
        <translation>已找到 %1。</translation>
    </message>
    <message>
        <source>Nothing there.</source>
        <translation>未找到。</translation>
    </message>
    <message>
        <source>the file is larger than %1 KiB, far more than coscli writes</source>
        <translation>文件大于 %1 KiB，远超 coscli 写入的大小</translation>
    </message>
    <message>
        <source>line %1: nested %2 levels deep, which is not coscli&apos;s configuration</source>
        <translation>第 %1 行：嵌套达 %2 层，这不是 coscli 的配置</translation>
    </message>
    <message>
        <source>line %1, column %2: not valid YAML (%3)</source>
        <translation>第 %1 行第 %2 列：不是有效的 YAML（%3）</translation>
    </message>
    <message>
        <source>line %1: expected &quot;name: value&quot; lines, as coscli writes</source>
        <translation>第 %1 行：应为 coscli 写入的“名称: 值”行</translation>
    </message>
    <message>
        <source>line %1: &quot;cos&quot; does not hold &quot;name: value&quot; lines</source>
        <translation>第 %1 行：“cos”下不是“名称: 值”行</translation>
    </message>
    <message>
        <source>line %1: &quot;cos.base&quot; does not hold &quot;name: value&quot; lines</source>
        <translation>第 %1 行：“cos.base”下不是“名称: 值”行</translation>
    </message>
</context>
<context>
    <name>cvmi::cloud::CredentialStore</name>
    <message>
        <source>The system keyring&apos;s entry &quot;%1&quot; of service %2 is not a set of credentials this program wrote (expected version %3 with a SecretId and a SecretKey). Type the credentials again and save them, or delete the entry with your keyring&apos;s manager (Seahorse, KWalletManager).</source>
        <translation>系统密钥环中服务 %2 的条目“%1”不是本程序写入的访问密钥（应为版本 %3，且包含 SecretId 和 SecretKey）。请重新输入访问密钥并保存，或使用密钥环管理工具（Seahorse、KWalletManager）删除该条目。</translation>
    </message>
    <message>
        <source>The profile name &quot;%1&quot; cannot name a keyring entry: use 1 to %2 printable characters, for example &quot;default&quot;.</source>
        <translation>配置名称“%1”不能用作密钥环条目名称：请使用 1 到 %2 个可打印字符，例如“default”。</translation>
    </message>
    <message>
        <source>No system keyring is available to remember the credentials. Install and unlock a Secret Service such as GNOME Keyring (package gnome-keyring) or KWallet, log in again so that it starts, and try again; until then the credentials are used for this session only and are not saved anywhere.</source>
        <translation>没有可用于保存访问密钥的系统密钥环。请安装并解锁 GNOME Keyring（软件包 gnome-keyring）或 KWallet 等 Secret Service，重新登录使其启动，然后重试；在此之前，访问密钥仅在本次会话中使用，不会保存到任何地方。</translation>
    </message>
    <message>
        <source>(The keyring library said: %1)</source>
        <translation>（密钥环库返回：%1）</translation>
    </message>
</context>
<context>
    <name>cvmi::cloud::CvmClient</name>
    <message>
        <source>HTTP status %1, not a CVM API answer</source>
        <translation>HTTP 状态码 %1，不是 CVM API 的应答</translation>
    </message>
    <message>
        <source>HTTP status %1, an error answer without a code</source>
        <translation>HTTP 状态码 %1，错误应答中没有错误码</translation>
    </message>
    <message>
        <source>HTTP status %1</source>
        <translation>HTTP 状态码 %1</translation>
    </message>
</context>
<context>
    <name>cvmi::cloud::KeychainCredentialStore</name>
    <message>
        <source>The system keyring refused access (%1). Unlock it (it may ask for your login password) and allow CVM Import Wizard to use it, then try again.</source>
        <translation>系统密钥环拒绝了访问（%1）。请解锁密钥环（可能需要输入登录密码），并允许 CVM Import Wizard 使用，然后重试。</translation>
    </message>
    <message>
        <source>save the credentials in</source>
        <translation>保存访问密钥</translation>
    </message>
    <message>
        <source>read the credentials from</source>
        <translation>读取访问密钥</translation>
    </message>
    <message>
        <source>delete the credentials from</source>
        <translation>删除访问密钥</translation>
    </message>
    <message>
        <source>Could not %1 the system keyring: %2. Check that the keyring is unlocked and working (e.g. in Seahorse or KWalletManager), then try again.</source>
        <translation>无法在系统密钥环中%1：%2。请确认密钥环已解锁且工作正常（例如在 Seahorse 或 KWalletManager 中查看），然后重试。</translation>
    </message>
</context>
<context>
    <name>cvmi::cloud::PermissionCheck</name>
    <message>
        <source>Credentials are valid</source>
        <translation>访问密钥有效</translation>
    </message>
    <message>
        <source>Region is available</source>
        <translation>地域可用</translation>
    </message>
    <message>
        <source>Image import is allowed (ImportImage DryRun)</source>
        <translation>允许导入镜像（ImportImage DryRun）</translation>
    </message>
    <message>
        <source>COS is reachable and buckets are listed</source>
        <translation>COS 可访问且能列出存储桶</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>尚未检查。</translation>
    </message>
    <message>
        <source>The service said: %1</source>
        <translation>服务返回：%1</translation>
    </message>
    <message>
        <source>(RequestId %1)</source>
        <translation>（RequestId %1）</translation>
    </message>
    <message>
        <source>Asking Tencent Cloud for the region list...</source>
        <translation>正在向腾讯云查询地域列表...</translation>
    </message>
    <message>
        <source>Not checked: the credentials were refused.</source>
        <translation>未检查：访问密钥被拒绝。</translation>
    </message>
    <message>
        <source>Fix the credentials first.</source>
        <translation>请先修正访问密钥。</translation>
    </message>
    <message>
        <source>The SecretId is known and the signature is accepted.</source>
        <translation>SecretId 有效，签名已通过验证。</translation>
    </message>
    <message>
        <source>Looking for %1...</source>
        <translation>正在查找 %1...</translation>
    </message>
    <message>
        <source>No region was chosen.</source>
        <translation>未选择地域。</translation>
    </message>
    <message>
        <source>Choose one of: %1.</source>
        <translation>请从以下选项中选择：%1。</translation>
    </message>
    <message>
        <source>The region %1 is not available to this account.</source>
        <translation>此账号无法使用地域 %1。</translation>
    </message>
    <message>
        <source>The region %1 is %2.</source>
        <translation>地域 %1 的状态为 %2。</translation>
    </message>
    <message>
        <source>Choose another region.</source>
        <translation>请选择其他地域。</translation>
    </message>
    <message>
        <source>Listing your COS buckets...</source>
        <translation>正在列出您的 COS 存储桶...</translation>
    </message>
    <message numerus="yes">
        <source>COS answered: %n bucket(s), none in %1; one will be created there.</source>
        <translation>
            <numerusform>COS 返回了 %n 个存储桶，但 %1 中没有；将在该地域创建一个。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>COS answered: %n bucket(s); in %1: %2.</source>
        <translation>
            <numerusform>COS 返回了 %n 个存储桶；位于 %1 的有：%2。</numerusform>
        </translation>
    </message>
    <message>
        <source>Asking for a dry run of ImportImage in %1...</source>
        <translation>正在请求在 %1 中对 ImportImage 进行预检（DryRun）...</translation>
    </message>
    <message>
        <source>The dry run was accepted: this account may import images in %1.</source>
        <translation>预检已通过：此账号可以在 %1 中导入镜像。</translation>
    </message>
    <message>
        <source>The account may call ImportImage: the service checked the permission, then refused the check&apos;s placeholder values (%1), which is expected.</source>
        <translation>此账号可以调用 ImportImage：服务已通过权限校验，随后拒绝了检查所用的占位参数值（%1），这属于预期行为。</translation>
    </message>
    <message>
        <source>Available: %1.</source>
        <translation>可用：%1。</translation>
    </message>
</context>
<context>
    <name>cvmi::cloud::Regions</name>
    <message>
        <source>South China (Guangzhou)</source>
        <translation>华南地区（广州）</translation>
    </message>
    <message>
        <source>East China (Shanghai)</source>
        <translation>华东地区（上海）</translation>
    </message>
    <message>
        <source>East China (Nanjing)</source>
        <translation>华东地区（南京）</translation>
    </message>
    <message>
        <source>North China (Beijing)</source>
        <translation>华北地区（北京）</translation>
    </message>
    <message>
        <source>Southwest China (Chengdu)</source>
        <translation>西南地区（成都）</translation>
    </message>
    <message>
        <source>Southwest China (Chongqing)</source>
        <translation>西南地区（重庆）</translation>
    </message>
    <message>
        <source>Hong Kong, Macau and Taiwan (Hong Kong)</source>
        <translation>港澳台地区（中国香港）</translation>
    </message>
    <message>
        <source>Southeast Asia (Singapore)</source>
        <translation>东南亚地区（新加坡）</translation>
    </message>
    <message>
        <source>Southeast Asia (Jakarta)</source>
        <translation>东南亚地区（雅加达）</translation>
    </message>
    <message>
        <source>Southeast Asia (Bangkok)</source>
        <translation>东南亚地区（曼谷）</translation>
    </message>
    <message>
        <source>Northeast Asia (Seoul)</source>
        <translation>亚太东北（首尔）</translation>
    </message>
    <message>
        <source>Northeast Asia (Tokyo)</source>
        <translation>亚太东北（东京）</translation>
    </message>
    <message>
        <source>South Asia (Mumbai)</source>
        <translation>亚太南部（孟买）</translation>
    </message>
    <message>
        <source>US West (Silicon Valley)</source>
        <translation>美国西部（硅谷）</translation>
    </message>
    <message>
        <source>US East (Virginia)</source>
        <translation>美国东部（弗吉尼亚）</translation>
    </message>
    <message>
        <source>Europe (Frankfurt)</source>
        <translation>欧洲地区（法兰克福）</translation>
    </message>
    <message>
        <source>South America (São Paulo)</source>
        <translation>南美地区（圣保罗）</translation>
    </message>
    <message>
        <source>South China (Shenzhen Finance)</source>
        <translation>华南地区（深圳金融）</translation>
    </message>
    <message>
        <source>East China (Shanghai Finance)</source>
        <translation>华东地区（上海金融）</translation>
    </message>
    <message>
        <source>North China (Beijing Finance)</source>
        <translation>华北地区（北京金融）</translation>
    </message>
    <message>
        <source>North China (Tianjin)</source>
        <translation>华北地区（天津）</translation>
    </message>
    <message>
        <source>Hong Kong, Macau and Taiwan (Taipei)</source>
        <translation>港澳台地区（中国台北）</translation>
    </message>
    <message>
        <source>North America (Toronto)</source>
        <translation>北美地区（多伦多）</translation>
    </message>
    <message>
        <source>Europe (Moscow)</source>
        <translation>欧洲地区（莫斯科）</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>region id — region name</comment>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>cvmi::convert::Qcow2Stream</name>
    <message>
        <source>The disk is too large to be converted to qcow2.</source>
        <translation>磁盘太大，无法转换为 qcow2。</translation>
    </message>
    <message>
        <source>The disk is %1; converting to qcow2 goes up to %2. Upload it as it is.</source>
        <translation>磁盘大小为 %1；转换为 qcow2 最大支持 %2。请按原样上传。</translation>
    </message>
    <message>
        <source>Reading the disk image to convert it failed: %1</source>
        <translation>为转换而读取磁盘镜像失败：%1</translation>
    </message>
    <message>
        <source>The conversion was stopped.</source>
        <translation>转换已停止。</translation>
    </message>
</context>
<context>
    <name>cvmi::disk</name>
    <message>
        <source>%1 is not a disk image this program recognises. Supported formats are raw, qcow2, VHD, VMDK, VHDX, VDI and OVA; convert other formats with `qemu-img convert -O qcow2 FILE disk.qcow2`.</source>
        <translation>%1 不是本程序可识别的磁盘镜像。支持的格式为 raw、qcow2、VHD、VMDK、VHDX、VDI 和 OVA；其他格式请使用 `qemu-img convert -O qcow2 FILE disk.qcow2` 进行转换。</translation>
    </message>
</context>
<context>
    <name>cvmi::disk::ByteSource</name>
    <message>
        <source>The file %1 ends too early: %2 bytes are needed at offset %3, but the file has only %4 bytes. It was probably cut off while copying or downloading; copy it again.</source>
        <translation>文件 %1 提前结束：在偏移 %3 处需要 %2 字节，但该文件只有 %4 字节。文件可能在复制或下载时被截断，请重新复制。</translation>
    </message>
    <message>
        <source>Reading %1 at offset %2 failed: %3.</source>
        <translation>读取 %1 偏移 %2 处的数据失败：%3。</translation>
    </message>
    <message>
        <source>Finding the empty space of %1 (%2 at offset %3) failed: %4.</source>
        <translation>查找 %1 的空闲区域（偏移 %3 处的 %2）失败：%4。</translation>
    </message>
</context>
<context>
    <name>cvmi::disk::DiskImage</name>
    <message>
        <source>A read of %1 bytes at offset %2 goes past the end of the %3-byte virtual disk.</source>
        <translation>在偏移 %2 处读取 %1 字节超出了该虚拟磁盘（%3 字节）的末尾。</translation>
    </message>
</context>
<context>
    <name>cvmi::disk::ImageFinder</name>
    <message>
        <source>No disk image in %1: looked for %2 in %3 files.</source>
        <translation>%1 中没有磁盘镜像：已在 %3 个文件中查找 %2。</translation>
    </message>
    <message>
        <source>The search stopped there; drop the image itself, or a folder closer to it.</source>
        <translation>查找到此为止；请直接拖入镜像文件，或拖入离它更近的文件夹。</translation>
    </message>
</context>
<context>
    <name>cvmi::disk::OvaImage</name>
    <message>
        <source>%1 is a tar archive without an OVF descriptor (.ovf file), so it is not an OVA appliance. Extract the disk image inside it (`tar -xf %1`) and choose that file.</source>
        <translation>%1 是不含 OVF 描述文件（.ovf 文件）的 tar 归档，因此不是 OVA 虚拟设备。请解压其中的磁盘镜像（`tar -xf %1`）并选择该文件。</translation>
    </message>
    <message>
        <source>The OVA file %1 does not start with its OVF descriptor %2 (it starts with %3), as the OVF standard requires, so it was not written by an appliance exporter. Extract the disk (`tar -xf %1`) and choose the .vmdk file, or pack the appliance again with the descriptor first: `tar --format=ustar -cf fixed.ova %2 OTHER-FILES`.</source>
        <translation>OVA 文件 %1 并非以其 OVF 描述文件 %2 开头（而是以 %3 开头），不符合 OVF 标准的要求，因此它并非由虚拟设备导出工具生成。请解压出磁盘（`tar -xf %1`）并选择 .vmdk 文件，或将描述文件放在首位重新打包该虚拟设备：`tar --format=ustar -cf fixed.ova %2 OTHER-FILES`。</translation>
    </message>
    <message>
        <source>The OVF descriptor %1 in %2 is %3 bytes long, more than the %4 this program reads. Extract the disk (`tar -xf %2`) and choose the .vmdk file.</source>
        <translation>%2 中的 OVF 描述文件 %1 大小为 %3 字节，超过本程序的读取上限 %4。请解压出磁盘（`tar -xf %2`）并选择 .vmdk 文件。</translation>
    </message>
    <message>
        <source>The OVF descriptor %1 of %2 lists no virtual disk with data, so the appliance holds no disk to import. Export the virtual machine again with its disks.</source>
        <translation>%2 的 OVF 描述文件 %1 未列出任何包含数据的虚拟磁盘，因此该虚拟设备中没有可导入的磁盘。请连同磁盘重新导出该虚拟机。</translation>
    </message>
    <message>
        <source>The system disk %2 in %1 is compressed inside the appliance (compression &quot;%3&quot;), which this program cannot read in place. Extract and decompress it: `tar -xOf %1 %2 | gunzip &gt; %4`, then choose %4.</source>
        <translation>%1 中的系统盘 %2 在虚拟设备内经过压缩（压缩方式为“%3”），本程序无法直接读取。请将其解压并解压缩：`tar -xOf %1 %2 | gunzip &gt; %4`，然后选择 %4。</translation>
    </message>
    <message>
        <source>The system disk %2 in %1 is split into chunks (%2.000000000, ...), which this program cannot read in place. Extract and join them: `tar -xf %1 &amp;&amp; cat %2.[0-9]* &gt; %3`, then choose %3.</source>
        <translation>%1 中的系统盘 %2 被拆分为多个分块（%2.000000000 等），本程序无法直接读取。请解压并合并这些分块：`tar -xf %1 &amp;&amp; cat %2.[0-9]* &gt; %3`，然后选择 %3。</translation>
    </message>
    <message>
        <source>The OVF descriptor %1 names the system disk file %2, but %3 holds no such file. The appliance is incomplete or damaged: export it again.</source>
        <translation>OVF 描述文件 %1 指定的系统盘文件为 %2，但 %3 中没有该文件。该虚拟设备不完整或已损坏，请重新导出。</translation>
    </message>
    <message>
        <source>The system disk %2 in %1 is not a VMDK disk (the descriptor gives its format as &quot;%3&quot;). This program reads appliances whose disks are VMDK files, as VirtualBox and VMware export them. Extract it (`tar -xf %1 %2`) and choose it if it is a format this program reads, or convert it with `qemu-img convert -O qcow2 %2 disk.qcow2`.</source>
        <translation>%1 中的系统盘 %2 不是 VMDK 磁盘（描述文件给出的格式为“%3”）。本程序可读取磁盘为 VMDK 文件的虚拟设备，即 VirtualBox 和 VMware 导出的虚拟设备。请解压出该磁盘（`tar -xf %1 %2`），如果其格式为本程序可读取的格式，则直接选择该文件；否则请使用 `qemu-img convert -O qcow2 %2 disk.qcow2` 进行转换。</translation>
    </message>
    <message>
        <source>a disk inside an OVA appliance must be one self-contained VMDK file.</source>
        <translation>OVA 虚拟设备中的磁盘必须是单个自包含的 VMDK 文件。</translation>
    </message>
    <message>
        <source>The OVF descriptor %1 lists the disk %2 first but attaches %3 first to the virtual machine; %2 is imported as the system disk. If the system is on %3, extract it (`tar -xf %4 %3`) and import that file instead.</source>
        <translation>OVF 描述文件 %1 中最先列出的磁盘是 %2，但最先挂载到虚拟机的是 %3；%2 将作为系统盘导入。如果系统位于 %3 上，请将其解压（`tar -xf %4 %3`）并改为导入该文件。</translation>
    </message>
    <message>
        <source>The OVF descriptor %1 gives the system disk %2 a capacity of %3, but the disk file holds %4. The disk file&apos;s size is used; check that the imported disk has the size you expect.</source>
        <translation>OVF 描述文件 %1 为系统盘 %2 指定的容量为 %3，但磁盘文件实际容量为 %4。将以磁盘文件的大小为准，请检查导入后的磁盘大小是否符合预期。</translation>
    </message>
    <message>
        <source>a blank disk (%1)</source>
        <translation>空白磁盘（%1）</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>另外 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 holds %n more disk(s) besides the system disk %2: %3. They are not imported with the system disk: import each separately as a data disk (extract it with `tar -xf %1 FILE`).</source>
        <translation>
            <numerusform>%1 除系统盘 %2 外还包含 %n 个磁盘：%3。这些磁盘不会随系统盘一起导入，请将它们分别作为数据盘导入（使用 `tar -xf %1 FILE` 解压）。</numerusform>
        </translation>
    </message>
    <message>
        <source>The OVF descriptor %1 of %2 gives the disk %3 the file &quot;%4&quot;, which its list of files does not hold. Export the appliance again.</source>
        <translation>%2 的 OVF 描述文件 %1 为磁盘 %3 指定的文件为“%4”，但其文件列表中没有该文件。请重新导出该虚拟设备。</translation>
    </message>
</context>
<context>
    <name>cvmi::disk::OvfDescriptor</name>
    <message>
        <source>The OVF descriptor %1 cannot be read: %2 Export the appliance again, or extract its disk with `tar -xf` and choose the .vmdk file.</source>
        <translation>无法读取 OVF 描述文件 %1：%2请重新导出该虚拟设备，或使用 `tar -xf` 解压出其中的磁盘并选择 .vmdk 文件。</translation>
    </message>
    <message>
        <source>The OVF descriptor %1 names the file &quot;%2&quot;, which lies outside the appliance (an absolute path, a &quot;..&quot; or a URL). An OVA must hold all its files: export the appliance again as one OVA file.</source>
        <translation>OVF 描述文件 %1 指定的文件“%2”位于虚拟设备之外（绝对路径、含“..”的路径或 URL）。OVA 必须包含其全部文件：请将该虚拟设备重新导出为单个 OVA 文件。</translation>
    </message>
    <message>
        <source>it is not valid XML (line %1: %2).</source>
        <translation>其内容不是有效的 XML（第 %1 行：%2）。</translation>
    </message>
    <message>
        <source>it is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <source>it is not an OVF 1.x or 2.0 envelope (its root element is &lt;%1&gt; in the namespace &quot;%2&quot;).</source>
        <translation>它不是 OVF 1.x 或 2.0 Envelope（其根元素为命名空间“%2”中的 &lt;%1&gt;）。</translation>
    </message>
    <message>
        <source>The OVF descriptor %1 is %2 bytes long, more than the %3 this program reads. Export the appliance again, or extract its disk with `tar -xf` and choose the .vmdk file.</source>
        <translation>OVF 描述文件 %1 大小为 %2 字节，超过本程序的读取上限 %3。请重新导出该虚拟设备，或使用 `tar -xf` 解压出其中的磁盘并选择 .vmdk 文件。</translation>
    </message>
</context>
<context>
    <name>cvmi::disk::Qcow2Image</name>
    <message>
        <source>The qcow2 file %1 uses %2, which this program cannot read. Convert it with a qemu-img that can, to a plain image: `qemu-img convert -O qcow2 -o compat=1.1 %1 plain.qcow2`, and import plain.qcow2.</source>
        <translation>qcow2 文件 %1 使用了%2，本程序无法读取。请使用支持该特性的 qemu-img 将其转换为普通镜像：`qemu-img convert -O qcow2 -o compat=1.1 %1 plain.qcow2`，然后导入 plain.qcow2。</translation>
    </message>
    <message>
        <source>header</source>
        <translation>文件头</translation>
    </message>
    <message>
        <source>it lacks the qcow2 signature &quot;QFI\xfb&quot;.</source>
        <translation>缺少 qcow2 签名 &quot;QFI\xfb&quot;。</translation>
    </message>
    <message>
        <source>%1 is a qcow image of version 1, an old format this program cannot read. Convert it with `qemu-img convert -O qcow2 %1 disk.qcow2` and import disk.qcow2.</source>
        <translation>%1 是版本 1 的 qcow 镜像，这是本程序无法读取的旧格式。请使用 `qemu-img convert -O qcow2 %1 disk.qcow2` 进行转换，然后导入 disk.qcow2。</translation>
    </message>
    <message>
        <source>%1 claims qcow2 version %2; only versions 2 and 3 exist. The file is damaged or was written by an unknown program: copy it again, or convert it with `qemu-img convert -O qcow2 %1 disk.qcow2`.</source>
        <translation>%1 声明的 qcow2 版本为 %2，但 qcow2 只有版本 2 和 3。该文件已损坏，或由未知程序写入：请重新复制，或使用 `qemu-img convert -O qcow2 %1 disk.qcow2` 进行转换。</translation>
    </message>
    <message>
        <source>its version 3 header claims only %1 bytes.</source>
        <translation>其版本 3 文件头声明的长度只有 %1 字节。</translation>
    </message>
    <message>
        <source>its cluster size of 2^%1 bytes is outside 512 bytes to 2 MiB.</source>
        <translation>其簇大小 2^%1 字节不在 512 字节到 2 MiB 的范围内。</translation>
    </message>
    <message>
        <source>it uses extended L2 entries with clusters of %1 bytes, below the 16 KiB they require.</source>
        <translation>它使用了扩展 L2 表项，但簇大小只有 %1 字节，低于扩展 L2 表项要求的 16 KiB。</translation>
    </message>
    <message>
        <source>its header of %1 bytes does not fit its first cluster.</source>
        <translation>其文件头长度为 %1 字节，超出了第一个簇。</translation>
    </message>
    <message>
        <source>its refcount width of 2^%1 bits is invalid.</source>
        <translation>其引用计数宽度 2^%1 位无效。</translation>
    </message>
    <message>
        <source>its backing file name lies outside the first cluster, at offset %1.</source>
        <translation>其后备文件名位于第一个簇之外（偏移 %1）。</translation>
    </message>
    <message>
        <source>its header extension 0x%1 of %2 bytes at offset %3 overruns the first cluster.</source>
        <translation>其文件头扩展 0x%1（%2 字节，位于偏移 %3）超出了第一个簇。</translation>
    </message>
    <message>
        <source>its backing file name of %1 bytes is longer than qcow2 allows.</source>
        <translation>其后备文件名长度为 %1 字节，超出了 qcow2 允许的上限。</translation>
    </message>
    <message>
        <source>backing file name</source>
        <translation>后备文件名</translation>
    </message>
    <message>
        <source>bit %1</source>
        <translation>位 %1</translation>
    </message>
    <message>
        <source>bit %1 (&quot;%2&quot;)</source>
        <translation>位 %1（“%2”）</translation>
    </message>
    <message>
        <source>QEMU marked the qcow2 file %1 as corrupt (it found its metadata inconsistent), so its data cannot be trusted. Try `qemu-img check -r all %1`, which clears the mark when it can repair the file; otherwise use another copy of the disk.</source>
        <translation>QEMU 已将 qcow2 文件 %1 标记为损坏（发现其元数据不一致），其中的数据不可信。请尝试运行 `qemu-img check -r all %1`，该命令在能够修复文件时会清除此标记；否则请使用该磁盘的其他副本。</translation>
    </message>
    <message>
        <source>unknown incompatible features: %1</source>
        <translation>未知的不兼容特性：%1</translation>
    </message>
    <message>
        <source>a separate data file whose name it does not record</source>
        <translation>一个未记录文件名的独立数据文件</translation>
    </message>
    <message>
        <source>the external data file %1</source>
        <translation>外部数据文件 %1</translation>
    </message>
    <message>
        <source>The qcow2 file %1 holds only metadata: the disk&apos;s data lives in %2. Make one self-contained image with `qemu-img convert -O qcow2 %1 standalone.qcow2`, run where the data file can be found, and import standalone.qcow2.</source>
        <translation>qcow2 文件 %1 仅包含元数据：磁盘数据位于%2。请在能找到该数据文件的位置运行 `qemu-img convert -O qcow2 %1 standalone.qcow2`，生成一个独立完整的镜像，然后导入 standalone.qcow2。</translation>
    </message>
    <message>
        <source>method %1</source>
        <translation>方式 %1</translation>
    </message>
    <message>
        <source>The qcow2 file %1 is encrypted (%2), and an encrypted disk cannot be inspected or imported. Decrypt it with its passphrase: `qemu-img convert --object secret,id=sec0,data=PASSPHRASE --image-opts driver=qcow2,file.filename=%1,encrypt.key-secret=sec0 -O qcow2 plain.qcow2`, and import plain.qcow2.</source>
        <translation>qcow2 文件 %1 已加密（%2），加密的磁盘无法检查或导入。请使用其密码解密：`qemu-img convert --object secret,id=sec0,data=PASSPHRASE --image-opts driver=qcow2,file.filename=%1,encrypt.key-secret=sec0 -O qcow2 plain.qcow2`，然后导入 plain.qcow2。</translation>
    </message>
    <message>
        <source>it flags a compression type, but its header has no room for one.</source>
        <translation>它设置了压缩类型标志，但其文件头中没有存放压缩类型的空间。</translation>
    </message>
    <message>
        <source>it names compression type %1 without flagging it.</source>
        <translation>它指定了压缩类型 %1，但未设置相应的标志。</translation>
    </message>
    <message>
        <source>compression type %1 (only zlib and zstd exist)</source>
        <translation>压缩类型 %1（只有 zlib 和 zstd 两种）</translation>
    </message>
    <message>
        <source>its L1 table claims %1 entries (%2 bytes), more than the 32 MiB any qcow2 writer produces.</source>
        <translation>其 L1 表声明有 %1 个表项（%2 字节），超过了任何 qcow2 写入程序所能生成的 32 MiB。</translation>
    </message>
    <message>
        <source>its L1 table has %1 entries, but the %2-byte disk needs %3.</source>
        <translation>其 L1 表有 %1 个表项，但 %2 字节的磁盘需要 %3 个。</translation>
    </message>
    <message>
        <source>its L1 table offset %1 is not a cluster boundary.</source>
        <translation>其 L1 表偏移 %1 未对齐到簇边界。</translation>
    </message>
    <message>
        <source>L1 table</source>
        <translation>L1 表</translation>
    </message>
    <message>
        <source>The qcow2 file %1 is damaged: %2 Check it with `qemu-img check %1`; if it cannot be repaired, copy it again from the original.</source>
        <translation>qcow2 文件 %1 已损坏：%2请使用 `qemu-img check %1` 检查；如果无法修复，请从原始文件重新复制。</translation>
    </message>
    <message>
        <source>The qcow2 file %1 ends too early: its %2 at offset %3 lies beyond the end of the %4-byte file. It was probably cut off while copying or downloading; copy it again.</source>
        <translation>qcow2 文件 %1 提前结束：其位于偏移量 %3 处的 %2 超出了该文件（%4 字节）的末尾。该文件可能在复制或下载时被截断；请重新复制。</translation>
    </message>
    <message>
        <source>%1 (format %2)</source>
        <translation>%1（格式 %2）</translation>
    </message>
    <message>
        <source>%1 is an overlay: it holds only the changes made on top of its backing file %2, and the rest of the disk is in that file. Merge them into one self-contained image with `qemu-img convert -O qcow2 %1 flattened.qcow2` (run where %3 can be found) and import flattened.qcow2.</source>
        <translation>%1 是覆盖层（overlay）镜像：它只包含在后备文件 %2 之上所做的更改，磁盘的其余部分都在该文件中。请在能找到 %3 的位置运行 `qemu-img convert -O qcow2 %1 flattened.qcow2`，将二者合并为一个独立完整的镜像，然后导入 flattened.qcow2。</translation>
    </message>
    <message>
        <source>%1 was not closed cleanly (its dirty flag is set): the program using it stopped abruptly, so its reference counts may be stale. Repair it with `qemu-img check -r all %1` before importing.</source>
        <translation>%1 未被正常关闭（已设置 dirty 标志）：使用它的程序异常终止，其引用计数可能已过时。请在导入前运行 `qemu-img check -r all %1` 进行修复。</translation>
    </message>
    <message>
        <source>L2 table</source>
        <translation>L2 表</translation>
    </message>
    <message>
        <source>L1 entry %1 points at offset %2, which is not a cluster boundary.</source>
        <translation>L1 表项 %1 指向偏移 %2，该偏移未对齐到簇边界。</translation>
    </message>
    <message>
        <source>data for guest offset %1</source>
        <translation>客户机偏移 %1 处的数据</translation>
    </message>
    <message>
        <source>compressed cluster</source>
        <translation>压缩簇</translation>
    </message>
    <message>
        <source>the compressed cluster at offset %1 does not decompress.</source>
        <translation>偏移 %1 处的压缩簇无法解压。</translation>
    </message>
    <message>
        <source>the subclusters of guest offset %1 are both allocated and zero.</source>
        <translation>客户机偏移 %1 的子簇同时被标记为已分配和全零。</translation>
    </message>
    <message>
        <source>guest offset %1 has allocated subclusters but no cluster.</source>
        <translation>客户机偏移 %1 有已分配的子簇，但没有对应的簇。</translation>
    </message>
    <message>
        <source>the L2 entry of guest offset %1 points at offset %2, which is not a cluster boundary.</source>
        <translation>客户机偏移 %1 的 L2 表项指向偏移 %2，该偏移未对齐到簇边界。</translation>
    </message>
    <message>
        <source>the L2 entry of guest offset %1 is a zero cluster, which version 2 does not have.</source>
        <translation>客户机偏移 %1 的 L2 表项是零簇，而版本 2 不支持零簇。</translation>
    </message>
</context>
<context>
    <name>cvmi::disk::Rejected</name>
    <message>
        <source>The file is empty (0 bytes). It is not a disk image; export the disk again.</source>
        <translation>文件为空（0 字节），不是磁盘镜像。请重新导出磁盘。</translation>
    </message>
    <message>
        <source>This is a QED image, which cannot be imported. Convert it with `qemu-img convert -O qcow2 disk.qed disk.qcow2`.</source>
        <translation>这是 QED 镜像，无法导入。请使用 `qemu-img convert -O qcow2 disk.qed disk.qcow2` 转换。</translation>
    </message>
    <message>
        <source>This is an ISO 9660 CD/DVD image (an installer or a data disc), not a system disk. Install the system from it in a virtual machine, then import that machine&apos;s disk.</source>
        <translation>这是 ISO 9660 CD/DVD 镜像（安装盘或数据光盘），不是系统盘。请在虚拟机中用它安装系统，然后导入该虚拟机的磁盘。</translation>
    </message>
    <message>
        <source>This is a tar archive. Extract the disk image inside it (`tar -xf file.tar`) and choose that file.</source>
        <translation>这是 tar 归档。请解压其中的磁盘镜像（`tar -xf file.tar`），然后选择该文件。</translation>
    </message>
    <message>
        <source>This file is gzip-compressed. Decompress it first (`gunzip -k FILE`) and choose the disk image it contains.</source>
        <translation>此文件经过 gzip 压缩。请先解压（`gunzip -k FILE`），然后选择其中的磁盘镜像。</translation>
    </message>
    <message>
        <source>This file is xz-compressed. Decompress it first (`unxz -k FILE`) and choose the disk image it contains.</source>
        <translation>此文件经过 xz 压缩。请先解压（`unxz -k FILE`），然后选择其中的磁盘镜像。</translation>
    </message>
    <message>
        <source>This file is zstd-compressed. Decompress it first (`unzstd FILE`) and choose the disk image it contains.</source>
        <translation>此文件经过 zstd 压缩。请先解压（`unzstd FILE`），然后选择其中的磁盘镜像。</translation>
    </message>
    <message>
        <source>This file is bzip2-compressed. Decompress it first (`bunzip2 -k FILE`) and choose the disk image it contains.</source>
        <translation>此文件经过 bzip2 压缩。请先解压（`bunzip2 -k FILE`），然后选择其中的磁盘镜像。</translation>
    </message>
    <message>
        <source>This is a zip archive. Extract the disk image inside it (`unzip FILE`) and choose that file.</source>
        <translation>这是 zip 归档。请解压其中的磁盘镜像（`unzip FILE`），然后选择该文件。</translation>
    </message>
    <message>
        <source>This is a 7-Zip archive. Extract the disk image inside it (`7z x FILE`) and choose that file.</source>
        <translation>这是 7-Zip 归档。请解压其中的磁盘镜像（`7z x FILE`），然后选择该文件。</translation>
    </message>
</context>
<context>
    <name>cvmi::disk::SliceByteSource</name>
    <message>
        <source>%1 ends too early: %2 bytes are needed at offset %3, but it has only %4 bytes. It was probably cut off while copying or downloading; copy it again.</source>
        <translation>%1 提前结束：偏移量 %3 处需要 %2 字节，但该文件仅有 %4 字节。该文件可能在复制或下载时被截断，请重新复制。</translation>
    </message>
</context>
<context>
    <name>cvmi::disk::TarIndex</name>
    <message>
        <source>The OVA file %1 is damaged: the tar header at offset %2 %3 The file was probably altered or damaged while copying; copy or export it again.</source>
        <translation>OVA 文件 %1 已损坏：偏移量 %2 处的 tar 头部%3该文件可能在复制过程中被修改或损坏，请重新复制或导出。</translation>
    </message>
    <message>
        <source>The OVA file %1 ends too early: the tar header at offset %2 is cut off. The file was probably cut off while copying or downloading; copy it again.</source>
        <translation>OVA 文件 %1 提前结束：偏移量 %2 处的 tar 头部被截断。该文件可能在复制或下载时被截断，请重新复制。</translation>
    </message>
    <message>
        <source>%1 holds more than %2 tar members, which no OVA appliance does (it holds a descriptor, a manifest and its disks). Extract the disk with `tar -xf` and choose the .vmdk file.</source>
        <translation>%1 包含的 tar 成员超过 %2 个，而 OVA 虚拟设备不会包含这么多成员（其中仅包含描述文件、清单文件及磁盘）。请使用 `tar -xf` 解压出磁盘并选择 .vmdk 文件。</translation>
    </message>
    <message>
        <source>has a wrong checksum.</source>
        <translation>校验和错误。</translation>
    </message>
    <message>
        <source>starts an extended header of %1 bytes, more than the %2 this program reads.</source>
        <translation>声明了一个 %1 字节的扩展头部，超过本程序的读取上限 %2。</translation>
    </message>
    <message>
        <source>holds a malformed pax extended header.</source>
        <translation>包含格式错误的 pax 扩展头部。</translation>
    </message>
    <message>
        <source>has an unreadable size field.</source>
        <translation>的大小字段无法读取。</translation>
    </message>
    <message>
        <source>The OVA file %1 ends too early: its member %2 needs %3 bytes at offset %4, but the file has only %5 bytes. It was probably cut off while copying or downloading; copy it again.</source>
        <translation>OVA 文件 %1 提前结束：其成员 %2 需要在偏移量 %4 处读取 %3 字节，但该文件仅有 %5 字节。该文件可能在复制或下载时被截断，请重新复制。</translation>
    </message>
    <message>
        <source>names a member too long.</source>
        <translation>中的成员名称过长。</translation>
    </message>
</context>
<context>
    <name>cvmi::disk::VdiImage</name>
    <message>
        <source>The VDI file %1 is damaged: %2 Copy it again from the original; if the original is damaged too, `qemu-img check -f vdi %1` lists the damage, and cloning it in VirtualBox (`VBoxManage clonemedium disk %1 copy.vdi`) may save what is readable.</source>
        <translation>VDI 文件 %1 已损坏：%2请从原始文件重新复制；如果原始文件也已损坏，可使用 `qemu-img check -f vdi %1` 列出损坏之处，在 VirtualBox 中克隆该磁盘（`VBoxManage clonemedium disk %1 copy.vdi`）或许可以挽救仍可读取的数据。</translation>
    </message>
    <message>
        <source>The VDI file %1 %2 This program, like qemu, reads VDI files of version 1.1 with 1 MiB blocks, as VirtualBox writes them by default. Clone the disk in VirtualBox (`VBoxManage clonemedium disk %1 copy.vdi`), which writes that kind, and import the copy.</source>
        <translation>VDI 文件 %1 %2本程序与 qemu 一样，只能读取版本 1.1、块大小为 1 MiB 的 VDI 文件，即 VirtualBox 默认写入的格式。请在 VirtualBox 中克隆该磁盘（`VBoxManage clonemedium disk %1 copy.vdi`），克隆生成的即为此类文件，然后导入该副本。</translation>
    </message>
    <message>
        <source>The VDI file %1 ends too early: its %2 at offset %3 lies beyond the end of the %4-byte file. It was probably cut off while copying or downloading; copy it again.</source>
        <translation>VDI 文件 %1 提前结束：其位于偏移量 %3 处的%2超出了文件末尾（文件大小为 %4 字节）。该文件可能在复制或下载时被截断，请重新复制。</translation>
    </message>
    <message>
        <source>it lacks the VDI signature (0xbeda107f) at offset 0x40.</source>
        <translation>其偏移量 0x40 处缺少 VDI 签名（0xbeda107f）。</translation>
    </message>
    <message>
        <source>has header version %1.%2.</source>
        <translation>的头部版本为 %1.%2。</translation>
    </message>
    <message>
        <source>its header claims %1 bytes, fewer than the %2 of a version 1.1 header.</source>
        <translation>其头部声明的大小为 %1 字节，小于 1.1 版头部的 %2 字节。</translation>
    </message>
    <message>
        <source>is an &quot;undo&quot; disk, an early VirtualBox kind this program cannot read.</source>
        <translation>是“undo”磁盘，这是早期 VirtualBox 使用的一种磁盘类型，本程序无法读取。</translation>
    </message>
    <message>
        <source>its header gives the unknown image type %1.</source>
        <translation>其头部给出了未知的镜像类型 %1。</translation>
    </message>
    <message>
        <source>has sectors of %1 bytes instead of 512.</source>
        <translation>的扇区大小为 %1 字节，而非 512 字节。</translation>
    </message>
    <message>
        <source>its block size of %1 bytes is invalid.</source>
        <translation>其块大小 %1 字节无效。</translation>
    </message>
    <message>
        <source>uses blocks of %1 bytes instead of 1 MiB (1048576 bytes).</source>
        <translation>使用的块大小为 %1 字节，而非 1 MiB（1048576 字节）。</translation>
    </message>
    <message>
        <source>keeps %1 bytes of private data before each block.</source>
        <translation>在每个块之前保留了 %1 字节的私有数据。</translation>
    </message>
    <message>
        <source>its block map claims %1 blocks, more than the %2 a VDI file can have.</source>
        <translation>其块映射表声明有 %1 个块，超过了 VDI 文件最多可容纳的 %2 个。</translation>
    </message>
    <message>
        <source>its disk size of %1 bytes is more than its %2 blocks can hold.</source>
        <translation>其磁盘大小 %1 字节超出了其 %2 个块所能容纳的容量。</translation>
    </message>
    <message>
        <source>its header counts %1 allocated blocks, more than the disk&apos;s %2.</source>
        <translation>其头部记录的已分配块数为 %1，超过了磁盘的总块数 %2。</translation>
    </message>
    <message>
        <source>its block map offset %1 is not a whole sector after the header.</source>
        <translation>其块映射表偏移量 %1 与头部末尾之间的距离不是整数个扇区。</translation>
    </message>
    <message>
        <source>block map</source>
        <translation>块映射表</translation>
    </message>
    <message>
        <source>its data offset %1 is not a whole sector after the block map, which ends at offset %2.</source>
        <translation>其数据偏移量 %1 与块映射表末尾（偏移量 %2）之间的距离不是整数个扇区。</translation>
    </message>
    <message>
        <source>block %1 of data</source>
        <translation>数据块 %1</translation>
    </message>
    <message>
        <source>a parent disk the header does not name</source>
        <translation>头部中未注明其名称</translation>
    </message>
    <message>
        <source>the disk with UUID %1</source>
        <translation>UUID 为 %1 的磁盘</translation>
    </message>
    <message>
        <source>%1 is a differencing disk (a VirtualBox snapshot): it holds only the changes made since the snapshot was taken, and the rest of the data is in its parent, %2 (a VDI file names its parent by UUID only; `VBoxManage list hdds` shows which file has it). Delete the snapshots in VirtualBox to merge them into one disk, or, with the parent registered in VirtualBox, clone the whole chain with `VBoxManage clonemedium disk %1 full.vdi`, and import the result.</source>
        <translation>%1 是差异磁盘（VirtualBox 快照）：它仅包含自快照创建以来所做的更改，其余数据位于其父磁盘（%2）中。VDI 文件仅通过 UUID 指明其父磁盘，可使用 `VBoxManage list hdds` 查看哪个文件具有该 UUID。请在 VirtualBox 中删除快照，将其合并为单个磁盘；或在父磁盘已注册到 VirtualBox 的情况下，使用 `VBoxManage clonemedium disk %1 full.vdi` 克隆整个磁盘链，然后导入结果。</translation>
    </message>
    <message>
        <source>block %1 of the disk is mapped to data block %2, but the file holds only %3 blocks of data.</source>
        <translation>磁盘的块 %1 被映射到数据块 %2，但文件中仅有 %3 个数据块。</translation>
    </message>
    <message>
        <source>header</source>
        <translation>文件头</translation>
    </message>
</context>
<context>
    <name>cvmi::disk::VhdImage</name>
    <message>
        <source>The VHD file %1 is damaged: %2 Copy it again from the original; if the original is damaged too, repair it with Hyper-V Manager (Edit Disk &gt; Compact) or convert what is readable with `qemu-img convert -O vpc IN.vhd OUT.vhd`.</source>
        <translation>VHD 文件 %1 已损坏：%2请从原始文件重新复制；如果原始文件也已损坏，请使用 Hyper-V 管理器（编辑磁盘 &gt; 压缩）修复，或使用 `qemu-img convert -O vpc IN.vhd OUT.vhd` 转换其中可读取的部分。</translation>
    </message>
    <message>
        <source>The VHD file %1 ends too early: its %2 at offset %3 lies beyond the end of the %4-byte file. It was probably cut off while copying or downloading; copy it again.</source>
        <translation>VHD 文件 %1 提前结束：其位于偏移 %3 处的%2超出了该文件（%4 字节）的末尾。文件可能在复制或下载时被截断，请重新复制。</translation>
    </message>
    <message>
        <source>last data sector</source>
        <translation>最后一个数据扇区</translation>
    </message>
    <message>
        <source>its footer says it is a dynamic disk but does not locate the dynamic disk header.</source>
        <translation>其尾部结构（footer）标明这是动态磁盘，但未给出动态磁盘头的位置。</translation>
    </message>
    <message>
        <source>dynamic disk header</source>
        <translation>动态磁盘头</translation>
    </message>
    <message>
        <source>the dynamic disk header at offset %1 lacks the &quot;cxsparse&quot; cookie.</source>
        <translation>偏移量 %1 处的动态磁盘头缺少 &quot;cxsparse&quot; 标识（cookie）。</translation>
    </message>
    <message>
        <source>The dynamic disk header of %1 has a wrong checksum, so it may have been altered; its values passed every other check and were used. Verify the imported disk, or copy the file again from the original.</source>
        <translation>%1 的动态磁盘头校验和错误，可能已被改动；其中的值通过了其他所有检查，已被采用。请核实导入后的磁盘，或从原始文件重新复制。</translation>
    </message>
    <message>
        <source>the block size of %1 bytes is invalid.</source>
        <translation>块大小 %1 字节无效。</translation>
    </message>
    <message>
        <source>its block allocation table has %1 entries, too few for a %2-byte disk.</source>
        <translation>其块分配表只有 %1 个条目，对于 %2 字节的磁盘而言太少。</translation>
    </message>
    <message>
        <source>its block allocation table claims %1 entries, more than a VHD of the maximum size (2040 GiB) can have.</source>
        <translation>其块分配表声称有 %1 个条目，超过了最大容量（2040 GiB）的 VHD 所能拥有的条目数。</translation>
    </message>
    <message>
        <source>block allocation table</source>
        <translation>块分配表</translation>
    </message>
    <message>
        <source>its block allocation table at offset %1 overlaps its headers.</source>
        <translation>其位于偏移量 %1 处的块分配表与文件头重叠。</translation>
    </message>
    <message>
        <source>The footer at the end of %1 is missing or damaged, so its copy at the start of the file was used. The file may have been cut off while copying: copy it again from the original if the disk does not look complete.</source>
        <translation>%1 末尾的尾部结构（footer）缺失或已损坏，因此使用了文件开头的副本。该文件可能在复制时被截断：如果磁盘看起来不完整，请从原始文件重新复制。</translation>
    </message>
    <message>
        <source>%1 belongs to a virtual machine that was saved rather than shut down, so the guest&apos;s last writes may still be in the saved memory. Start the virtual machine, shut it down cleanly, then export the disk again.</source>
        <translation>%1 所属的虚拟机是被保存（而非关机）的，客户机最后写入的数据可能仍在保存的内存中。请启动该虚拟机并正常关机，然后重新导出磁盘。</translation>
    </message>
    <message>
        <source>a parent disk the header does not name</source>
        <translation>头部中未注明其名称</translation>
    </message>
    <message>
        <source>%1 is a differencing disk: it holds only the changes made since it was created, and the rest of the data is in its parent, %2. Put the parent beside it and merge them with `qemu-img convert -O vpc -o subformat=dynamic %1 merged.vhd`, or merge the disk in Hyper-V (Edit Disk &gt; Merge), and import the result.</source>
        <translation>%1 是差异磁盘：它只包含创建以来所做的更改，其余数据位于其父磁盘（%2）中。请将父磁盘放在同一目录下，并使用 `qemu-img convert -O vpc -o subformat=dynamic %1 merged.vhd` 合并，或在 Hyper-V 中合并磁盘（Edit Disk &gt; Merge），然后导入合并结果。</translation>
    </message>
    <message>
        <source>block %1 of the disk is mapped to offset %2, inside the file&apos;s headers or block allocation table.</source>
        <translation>磁盘的数据块 %1 映射到偏移量 %2，该位置位于文件头或块分配表内。</translation>
    </message>
    <message>
        <source>block %1</source>
        <translation>块 %1</translation>
    </message>
    <message>
        <source>footer</source>
        <translation>文件尾</translation>
    </message>
    <message>
        <source>its footer is missing from the end of the file, and the copy at its start belongs to a fixed disk, which has none.</source>
        <translation>文件末尾缺少文件尾，而文件开头的副本表明这是固定磁盘，但固定磁盘并没有这一副本。</translation>
    </message>
    <message>
        <source>the checksum of its footer does not match (stored %1), and there is no valid copy of the footer at the start of the file.</source>
        <translation>其文件尾的校验和不匹配（存储值为 %1），且文件开头也没有有效的文件尾副本。</translation>
    </message>
    <message>
        <source>it has no VHD footer (&quot;conectix&quot;) at its end or start.</source>
        <translation>文件末尾和开头都没有 VHD 文件尾（&quot;conectix&quot;）。</translation>
    </message>
    <message>
        <source>its footer gives the unknown disk type %1.</source>
        <translation>其文件尾给出了未知的磁盘类型 %1。</translation>
    </message>
    <message>
        <source>its footer gives a size of %1 bytes (geometry %2/%3/%4, creator &quot;%5&quot;), more than the 2040 GiB a VHD can hold.</source>
        <translation>其文件尾给出的大小为 %1 字节（几何参数 %2/%3/%4，创建程序 &quot;%5&quot;），超过了 VHD 最多可容纳的 2040 GiB。</translation>
    </message>
</context>
<context>
    <name>cvmi::disk::VhdxImage</name>
    <message>
        <source>The VHDX file %1 is damaged: %2 Copy it again from the original; if the original is damaged too, check it in Windows (mount it and run chkdsk, or Inspect Disk in Hyper-V Manager), or run `qemu-img check -r all` on a copy.</source>
        <translation>VHDX 文件 %1 已损坏：%2请从原始文件重新复制；如果原始文件也已损坏，请在 Windows 中进行检查（挂载后运行 chkdsk，或在 Hyper-V Manager 中使用 Inspect Disk），或对文件副本运行 `qemu-img check -r all`。</translation>
    </message>
    <message>
        <source>The VHDX file %1 ends too early: its %2 at offset %3 lies beyond the end of the %4-byte file. It was probably cut off while copying or downloading; copy it again.</source>
        <translation>VHDX 文件 %1 提前结束：其位于偏移量 %3 处的%2超出了文件末尾（文件大小为 %4 字节）。该文件可能在复制或下载时被截断，请重新复制。</translation>
    </message>
    <message>
        <source>The VHDX file %1 uses a feature this program cannot read: %2 Convert it to a new disk in Hyper-V Manager (Edit Disk &gt; Convert) or with `Convert-VHD -Path %1 -DestinationPath converted.vhdx` in PowerShell, and import the result.</source>
        <translation>VHDX 文件 %1 使用了本程序无法读取的功能：%2请在 Hyper-V Manager 中通过 Edit Disk &gt; Convert 将其转换为新磁盘，或在 PowerShell 中运行 `Convert-VHD -Path %1 -DestinationPath converted.vhdx`，然后导入转换结果。</translation>
    </message>
    <message>
        <source>The VHDX file %1 was not closed cleanly: %2 Its last changes are still in its log and must be written into the disk first. Start the virtual machine in Hyper-V and shut it down cleanly (or mount the disk in Windows and eject it), or run `qemu-img check -r all` on a copy of the file, then choose the file again.</source>
        <translation>VHDX 文件 %1 未正常关闭：%2其最近的更改仍保存在日志中，必须先写入磁盘。请在 Hyper-V 中启动虚拟机后正常关机（或在 Windows 中挂载该磁盘后将其弹出），或对文件副本运行 `qemu-img check -r all`，然后重新选择文件。</translation>
    </message>
    <message>
        <source>header area</source>
        <translation>头部区域</translation>
    </message>
    <message>
        <source>it does not start with the &quot;vhdxfile&quot; identifier.</source>
        <translation>文件开头缺少“vhdxfile”标识符。</translation>
    </message>
    <message>
        <source>its two headers differ but have the same sequence number %1.</source>
        <translation>其两个头部内容不同，但序列号相同，均为 %1。</translation>
    </message>
    <message>
        <source>The header at offset %1 of %2 is damaged, so its other copy was used. Verify the imported disk, or copy the file again from the original.</source>
        <translation>%2 中偏移量 %1 处的头部已损坏，因此使用了其另一份副本。请验证导入的磁盘，或从原始文件重新复制该文件。</translation>
    </message>
    <message>
        <source>no &quot;head&quot; signature</source>
        <translation>缺少“head”签名</translation>
    </message>
    <message>
        <source>wrong CRC-32C checksum %1</source>
        <translation>CRC-32C 校验和 %1 错误</translation>
    </message>
    <message>
        <source>version %1 rather than 1</source>
        <translation>版本为 %1 而非 1</translation>
    </message>
    <message>
        <source>neither of its headers is usable (at 64 KiB: %1; at 128 KiB: %2).</source>
        <translation>其两个头部均不可用（位于 64 KiB 处的头部：%1；位于 128 KiB 处的头部：%2）。</translation>
    </message>
    <message>
        <source>its log offset %1 is invalid.</source>
        <translation>其日志偏移量 %1 无效。</translation>
    </message>
    <message>
        <source>log version %1.</source>
        <translation>日志版本为 %1。</translation>
    </message>
    <message>
        <source>its log length %1 is invalid.</source>
        <translation>其日志长度 %1 无效。</translation>
    </message>
    <message>
        <source>log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>its log of %1 bytes is in use and too large to check.</source>
        <translation>其日志（%1 字节）正在使用中，且过大，无法检查。</translation>
    </message>
    <message>
        <source>its log at offset %1 holds entries that were not applied.</source>
        <translation>其位于偏移量 %1 处的日志包含尚未应用的条目。</translation>
    </message>
    <message>
        <source>its log at offset %1 holds an entry that cannot be read.</source>
        <translation>其位于偏移量 %1 处的日志包含无法读取的条目。</translation>
    </message>
    <message>
        <source>neither of its region tables (at 192 KiB and 256 KiB) is valid.</source>
        <translation>其两个区域表（位于 192 KiB 和 256 KiB 处）均无效。</translation>
    </message>
    <message>
        <source>The region table at offset %1 of %2 is damaged, so its copy was used. Verify the imported disk, or copy the file again from the original.</source>
        <translation>%2 中偏移量 %1 处的区域表已损坏，因此使用了其副本。请验证导入的磁盘，或从原始文件重新复制该文件。</translation>
    </message>
    <message>
        <source>its region %1 has the invalid offset %2 or length %3.</source>
        <translation>其区域 %1 的偏移量 %2 或长度 %3 无效。</translation>
    </message>
    <message>
        <source>region %1</source>
        <translation>区域 %1</translation>
    </message>
    <message>
        <source>its regions at offsets %1 and %2 overlap.</source>
        <translation>其位于偏移量 %1 和 %2 处的区域相互重叠。</translation>
    </message>
    <message>
        <source>its region at offset %1 overlaps its log.</source>
        <translation>其位于偏移量 %1 处的区域与日志重叠。</translation>
    </message>
    <message>
        <source>the required region %1 is unknown.</source>
        <translation>必需区域 %1 无法识别。</translation>
    </message>
    <message>
        <source>its region table lists region %1 twice.</source>
        <translation>其区域表中区域 %1 出现了两次。</translation>
    </message>
    <message>
        <source>its region table has no metadata region.</source>
        <translation>其区域表中没有元数据区域。</translation>
    </message>
    <message>
        <source>its region table has no block allocation table.</source>
        <translation>其区域表中没有块分配表。</translation>
    </message>
    <message>
        <source>its metadata item %1 lies outside the metadata region (offset %2, %3 bytes).</source>
        <translation>其元数据项 %1 超出了元数据区域的范围（偏移量 %2，%3 字节）。</translation>
    </message>
    <message>
        <source>its metadata region is too small for its table.</source>
        <translation>其元数据区域过小，无法容纳元数据表。</translation>
    </message>
    <message>
        <source>its metadata table at offset %1 lacks its signature or claims too many entries.</source>
        <translation>其位于偏移量 %1 处的元数据表缺少签名，或声明的条目过多。</translation>
    </message>
    <message>
        <source>the required metadata item %1 is unknown.</source>
        <translation>必需元数据项 %1 无法识别。</translation>
    </message>
    <message>
        <source>its metadata table lists item %1 twice.</source>
        <translation>其元数据表中项 %1 出现了两次。</translation>
    </message>
    <message>
        <source>its metadata item %1 is too short (%2 bytes).</source>
        <translation>其元数据项 %1 过短（%2 字节）。</translation>
    </message>
    <message>
        <source>its metadata lacks the required item %1.</source>
        <translation>其元数据缺少必需项 %1。</translation>
    </message>
    <message>
        <source>its block size of %1 bytes is invalid.</source>
        <translation>其块大小 %1 字节无效。</translation>
    </message>
    <message>
        <source>its sector size of %1 bytes is invalid.</source>
        <translation>其扇区大小 %1 字节无效。</translation>
    </message>
    <message>
        <source>its virtual size of %1 bytes is invalid (at most 64 TiB, in whole %2-byte sectors).</source>
        <translation>其虚拟大小 %1 字节无效（最大为 64 TiB，且须为 %2 字节扇区的整数倍）。</translation>
    </message>
    <message>
        <source>it is a differencing disk without a parent locator.</source>
        <translation>它是差异磁盘，但没有父磁盘定位符。</translation>
    </message>
    <message>
        <source>its parent locator is damaged.</source>
        <translation>其父磁盘定位符已损坏。</translation>
    </message>
    <message>
        <source>its block allocation table of %1 bytes is too small for %2 entries.</source>
        <translation>其块分配表大小为 %1 字节，不足以容纳 %2 个条目。</translation>
    </message>
    <message>
        <source>a parent disk the file does not name</source>
        <translation>文件中未注明其名称</translation>
    </message>
    <message>
        <source>%1 is a differencing disk: it holds only the changes made since it was created, and the rest of the data is in its parent, %2. Merge it into its parent in Hyper-V Manager (Edit Disk &gt; Merge, to a new disk) or with `Convert-VHD -Path %1 -DestinationPath merged.vhdx` in PowerShell, and import the result.</source>
        <translation>%1 是差异磁盘：它仅包含自创建以来所做的更改，其余数据位于其父磁盘（%2）中。请在 Hyper-V Manager 中通过 Edit Disk &gt; Merge 将其合并到新磁盘，或在 PowerShell 中运行 `Convert-VHD -Path %1 -DestinationPath merged.vhdx`，然后导入合并结果。</translation>
    </message>
    <message>
        <source>Block %1 of the differencing disk %2 holds only some of its sectors; the others are in its parent. Merge the disk into its parent in Hyper-V Manager (Edit Disk &gt; Merge) and import the result.</source>
        <translation>差异磁盘 %2 的块 %1 仅包含该块的部分扇区，其余扇区位于其父磁盘中。请在 Hyper-V Manager 中通过 Edit Disk &gt; Merge 将该磁盘与其父磁盘合并，然后导入合并结果。</translation>
    </message>
    <message>
        <source>block %1 is marked partially present, which only a differencing disk may be.</source>
        <translation>块 %1 被标记为部分存在，而只有差异磁盘的块才允许处于此状态。</translation>
    </message>
    <message>
        <source>block %1 has the invalid state %2 in its allocation table.</source>
        <translation>块 %1 在分配表中的状态 %2 无效。</translation>
    </message>
    <message>
        <source>block %1 is mapped to offset %2, inside the file&apos;s headers.</source>
        <translation>块 %1 被映射到偏移量 %2，该位置位于文件头部区域内。</translation>
    </message>
    <message>
        <source>block %1</source>
        <translation>块 %1</translation>
    </message>
</context>
<context>
    <name>cvmi::disk::VmdkImage</name>
    <message>
        <source>The VMDK descriptor is damaged: %1 Export or copy the disk again from the virtualization product.</source>
        <translation>VMDK 描述符已损坏：%1请从虚拟化产品中重新导出或复制该磁盘。</translation>
    </message>
    <message>
        <source>Line %1 of the VMDK descriptor names the extent &quot;%2&quot; by an absolute path. Extents must be files in the descriptor&apos;s folder, named relative to it: put %3 next to the descriptor and write just &quot;%3&quot; on that line.</source>
        <translation>VMDK 描述符第 %1 行以绝对路径指定区段 &quot;%2&quot;。区段必须是描述符所在文件夹中的文件，并以相对于该文件夹的路径命名：请将 %3 放在描述符旁边，并在该行中只写 &quot;%3&quot;。</translation>
    </message>
    <message>
        <source>Line %1 of the VMDK descriptor names the extent &quot;%2&quot;, which leads out of the descriptor&apos;s folder (&quot;..&quot;). Extents must be files in the descriptor&apos;s folder: put %3 next to the descriptor and write just &quot;%3&quot; on that line.</source>
        <translation>VMDK 描述符第 %1 行指定的区段 &quot;%2&quot; 指向描述符所在文件夹之外（&quot;..&quot;）。区段必须是描述符所在文件夹中的文件：请将 %3 放在描述符旁边，并在该行中只写 &quot;%3&quot;。</translation>
    </message>
    <message>
        <source>The VMDK descriptor marks an extent as NOACCESS (&quot;%1&quot;), so part of the disk cannot be read. Clone the disk with VMware into a single-file disk and import that.</source>
        <translation>VMDK 描述符将一个区段标记为 NOACCESS（&quot;%1&quot;），因此磁盘有一部分无法读取。请使用 VMware 将磁盘克隆为单文件磁盘，然后导入该磁盘。</translation>
    </message>
    <message>
        <source>the extent line &quot;%1&quot; has no valid size (at most %2 sectors).</source>
        <translation>区段行 &quot;%1&quot; 没有有效的大小（最多 %2 个扇区）。</translation>
    </message>
    <message>
        <source>the extent line &quot;%1&quot; names no file.</source>
        <translation>区段行 &quot;%1&quot; 未指定文件。</translation>
    </message>
    <message>
        <source>an extent file name contains a NUL byte.</source>
        <translation>某个区段文件名中包含 NUL 字节。</translation>
    </message>
    <message>
        <source>the extent line &quot;%1&quot; has an invalid offset.</source>
        <translation>区段行 &quot;%1&quot; 的偏移无效。</translation>
    </message>
    <message>
        <source>it lists more than %1 extents.</source>
        <translation>其中列出的区段超过 %1 个。</translation>
    </message>
    <message>
        <source>it has no createType line.</source>
        <translation>其中没有 createType 行。</translation>
    </message>
    <message>
        <source>it lists no extents (the files holding the data).</source>
        <translation>其中未列出任何区段（即存放数据的文件）。</translation>
    </message>
    <message>
        <source>its extents add up to more than %1 sectors (256 TiB).</source>
        <translation>其区段合计超过 %1 个扇区（256 TiB）。</translation>
    </message>
    <message>
        <source>its extents add up to a disk of 0 bytes.</source>
        <translation>其区段合计得到的磁盘大小为 0 字节。</translation>
    </message>
    <message>
        <source>it is %1 bytes long, more than the 1 MiB any real descriptor needs.</source>
        <translation>其长度为 %1 字节，超过了任何实际描述符所需的 1 MiB。</translation>
    </message>
    <message>
        <source>The VMDK extent file %1 ends too early: the descriptor needs %2 bytes of it, but it has only %3. It was probably cut off while copying; copy it again.</source>
        <translation>VMDK 区段文件 %1 提前结束：描述符需要其中的 %2 字节，但该文件只有 %3 字节。文件可能在复制时被截断，请重新复制。</translation>
    </message>
    <message>
        <source>The VMDK extent %1 is damaged: the descriptor gives it %2 sectors, but its header only %3. Copy the disk again from the original.</source>
        <translation>VMDK 区段 %1 已损坏：描述符给出的大小为 %2 个扇区，但其文件头中只有 %3 个。请从原始文件重新复制该磁盘。</translation>
    </message>
    <message>
        <source>This is an ESXi sparse or snapshot disk (createType &quot;%1&quot;), which only ESXi can read. Clone it to a thin disk on the host with `vmkfstools -i disk.vmdk -d thin clone.vmdk`, or export the virtual machine as an OVF template, and import the result.</source>
        <translation>这是 ESXi 稀疏磁盘或快照磁盘（createType &quot;%1&quot;），只有 ESXi 能够读取。请在主机上使用 `vmkfstools -i disk.vmdk -d thin clone.vmdk` 将其克隆为精简置备磁盘，或将虚拟机导出为 OVF 模板，然后导入所得结果。</translation>
    </message>
    <message>
        <source>This VMDK (createType &quot;%1&quot;) maps a physical disk or LUN instead of holding the data. Clone the virtual machine to a regular virtual disk, or image the physical disk, and import that.</source>
        <translation>此 VMDK（createType &quot;%1&quot;）映射的是物理磁盘或 LUN，本身并不包含数据。请将虚拟机克隆为普通虚拟磁盘，或为物理磁盘制作镜像，然后导入所得结果。</translation>
    </message>
    <message>
        <source>This VMDK has createType &quot;%1&quot;, which this program cannot read. Convert it with `qemu-img convert -O vmdk -o subformat=streamOptimized IN.vmdk OUT.vmdk` and import the result.</source>
        <translation>此 VMDK 的 createType 为 &quot;%1&quot;，本程序无法读取。请使用 `qemu-img convert -O vmdk -o subformat=streamOptimized IN.vmdk OUT.vmdk` 进行转换，然后导入所得结果。</translation>
    </message>
    <message>
        <source>The VMDK descriptor lists an extent of type %1 (%2), which this program cannot read. Clone the disk to a monolithicSparse or streamOptimized VMDK with VMware or `qemu-img convert` and import the result.</source>
        <translation>VMDK 描述符中列出了类型为 %1 的区段（%2），本程序无法读取。请使用 VMware 或 `qemu-img convert` 将磁盘克隆为 monolithicSparse 或 streamOptimized 格式的 VMDK，然后导入所得结果。</translation>
    </message>
    <message>
        <source>a parent disk with content ID %1</source>
        <translation>内容 ID 为 %1</translation>
    </message>
    <message>
        <source>%1 is a snapshot (delta) disk: it holds only the changes made after a snapshot, and the rest of the data is in its parent, %2. Consolidate the snapshots (VMware: Snapshot Manager &gt; Delete All; vSphere: Snapshots &gt; Consolidate), or convert the whole chain with `qemu-img convert -O vmdk -o subformat=streamOptimized %3 full.vmdk`, and import the result.</source>
        <translation>%1 是快照（增量）磁盘：它只包含创建快照后所做的更改，其余数据位于其父磁盘（%2）中。请合并快照（VMware：Snapshot Manager &gt; Delete All；vSphere：Snapshots &gt; Consolidate），或使用 `qemu-img convert -O vmdk -o subformat=streamOptimized %3 full.vmdk` 转换整个快照链，然后导入转换结果。</translation>
    </message>
    <message>
        <source>%1 was not closed cleanly (the virtual machine or program using it stopped abruptly), so its last writes may be missing. Start and shut down the virtual machine cleanly, then export the disk again.</source>
        <translation>%1 未正常关闭（使用它的虚拟机或程序意外停止），最后写入的数据可能丢失。请启动虚拟机并正常关机，然后重新导出磁盘。</translation>
    </message>
    <message>
        <source>%1 has no disk descriptor of its own, so it may be one piece of a disk split into several files (-s001, -s002, ...). If so, open the small descriptor .vmdk file beside it instead; otherwise only this piece is imported.</source>
        <translation>%1 没有自己的磁盘描述符，可能是拆分为多个文件（-s001、-s002、...）的磁盘中的一部分。如果是这样，请改为打开旁边较小的描述符 .vmdk 文件；否则只会导入这一部分。</translation>
    </message>
    <message>
        <source>opening companion files is not possible here.</source>
        <translation>此处无法打开配套文件。</translation>
    </message>
    <message>
        <source>The VMDK disk %1 stores its data in %2, which is refused: %3 The extents of a disk must be regular files in the descriptor&apos;s folder.</source>
        <translation>VMDK 磁盘 %1 的数据存储在 %2 中，但该文件被拒绝：%3 磁盘的区段必须是描述符所在文件夹中的普通文件。</translation>
    </message>
    <message>
        <source>The VMDK disk %1 stores its data in %2, which cannot be opened: %3 Keep all the files of the disk (the -s001, -s002, ... or -flat .vmdk files) in the same folder as the descriptor %1, then open it again.</source>
        <translation>VMDK 磁盘 %1 的数据存储在 %2 中，但该文件无法打开：%3 请将该磁盘的所有文件（-s001、-s002、... 或 -flat .vmdk 文件）与描述符文件 %1 放在同一文件夹中，然后重新打开。</translation>
    </message>
    <message>
        <source>%1 looks like a VMDK descriptor but is %2 bytes long, more than any real descriptor. Choose the disk&apos;s small descriptor .vmdk file.</source>
        <translation>%1 看起来是 VMDK 描述符，但其长度为 %2 字节，超过了任何实际描述符的大小。请选择该磁盘较小的描述符 .vmdk 文件。</translation>
    </message>
    <message>
        <source>The descriptor inside %1 lists %2 extents instead of the file itself. Convert the disk with `qemu-img convert -O vmdk -o subformat=streamOptimized IN.vmdk OUT.vmdk` and import the result.</source>
        <translation>%1 内嵌的描述符列出了 %2 个区段，而不是该文件本身。请使用 `qemu-img convert -O vmdk -o subformat=streamOptimized IN.vmdk OUT.vmdk` 转换该磁盘，然后导入所得结果。</translation>
    </message>
    <message>
        <source>%1 is an ESX Server sparse extent (COWD), an old ESX snapshot format this program cannot read. Clone the disk on the ESXi host with `vmkfstools -i disk.vmdk -d thin clone.vmdk` and import the clone.</source>
        <translation>%1 是 ESX Server 稀疏区段（COWD），这是本程序无法读取的旧版 ESX 快照格式。请在 ESXi 主机上使用 `vmkfstools -i disk.vmdk -d thin clone.vmdk` 克隆该磁盘，然后导入克隆所得的磁盘。</translation>
    </message>
    <message>
        <source>The VMDK file %1 is damaged: %2 Copy it again from the original; if the original is damaged too, repair it with `vmware-vdiskmanager -R`.</source>
        <translation>VMDK 文件 %1 已损坏：%2请从原始文件重新复制；如果原始文件也已损坏，请使用 `vmware-vdiskmanager -R` 修复。</translation>
    </message>
    <message>
        <source>The VMDK file %1 uses a variant this program cannot read: %2 Convert it with `qemu-img convert -O vmdk -o subformat=streamOptimized IN.vmdk OUT.vmdk` and import the result.</source>
        <translation>VMDK 文件 %1 使用了本程序无法读取的变体：%2请使用 `qemu-img convert -O vmdk -o subformat=streamOptimized IN.vmdk OUT.vmdk` 进行转换，然后导入所得结果。</translation>
    </message>
    <message>
        <source>The VMDK file %1 ends too early: its %2 lies beyond the end of the %3-byte file. It was probably cut off while copying or downloading; copy it again.</source>
        <translation>VMDK 文件 %1 提前结束：其%2超出了该文件（%3 字节）的末尾。文件可能在复制或下载时被截断，请重新复制。</translation>
    </message>
    <message>
        <source>it is an ESX Server sparse extent (COWD), an old ESX snapshot format.</source>
        <translation>它是 ESX Server 稀疏区段（COWD），一种旧版 ESX 快照格式。</translation>
    </message>
    <message>
        <source>the header at offset %1 lacks the KDMV signature.</source>
        <translation>偏移 %1 处的文件头缺少 KDMV 签名。</translation>
    </message>
    <message>
        <source>its line-ending check bytes were altered, which happens when a file is transferred in text (ASCII) mode. Transfer it again in binary mode.</source>
        <translation>其换行符校验字节已被改动，这通常是以文本（ASCII）模式传输文件所致。请以二进制模式重新传输。</translation>
    </message>
    <message>
        <source>sparse extent version %1.</source>
        <translation>稀疏区段版本 %1。</translation>
    </message>
    <message>
        <source>compression algorithm %1 (only deflate is defined).</source>
        <translation>压缩算法 %1（仅定义了 deflate）。</translation>
    </message>
    <message>
        <source>compression algorithm %1.</source>
        <translation>压缩算法 %1。</translation>
    </message>
    <message>
        <source>the grain size of %1 sectors is invalid.</source>
        <translation>grain 大小（%1 个扇区）无效。</translation>
    </message>
    <message>
        <source>a grain table of %1 entries is invalid.</source>
        <translation>包含 %1 个表项的 grain 表无效。</translation>
    </message>
    <message>
        <source>the capacity of %1 sectors is invalid.</source>
        <translation>容量（%1 个扇区）无效。</translation>
    </message>
    <message>
        <source>its header does not locate the grain directory.</source>
        <translation>其文件头未给出 grain 目录的位置。</translation>
    </message>
    <message>
        <source>grain directory</source>
        <translation>grain 目录</translation>
    </message>
    <message>
        <source>metadata area</source>
        <translation>元数据区</translation>
    </message>
    <message>
        <source>footer</source>
        <translation>文件尾</translation>
    </message>
    <message>
        <source>its footer does not locate the grain directory.</source>
        <translation>其文件尾未给出 grain 目录的位置。</translation>
    </message>
    <message>
        <source>embedded descriptor</source>
        <translation>嵌入式描述符</translation>
    </message>
    <message>
        <source>the compressed grain at sector %1 claims %2 bytes.</source>
        <translation>扇区 %1 处的压缩数据块（grain）声称有 %2 字节。</translation>
    </message>
    <message>
        <source>the compressed grain at sector %1 does not decompress.</source>
        <translation>扇区 %1 处的压缩数据块（grain）无法解压。</translation>
    </message>
</context>
<context>
    <name>cvmi::gui::DemoFolder</name>
    <message>
        <source>No temporary folder for the demo: %1</source>
        <translation>无法为演示创建临时文件夹：%1</translation>
    </message>
    <message>
        <source>The demo folder %1 cannot be created; check that its parent folder is writable.</source>
        <translation>无法创建演示文件夹 %1；请检查其上级文件夹是否可写。</translation>
    </message>
    <message>
        <source>Another demo (process %1) is using the demo folder %2. Use that window, or close it and start the demo again.</source>
        <translation>另一个演示（进程 %1）正在使用演示文件夹 %2。请使用那个窗口，或将其关闭后重新启动演示。</translation>
    </message>
    <message>
        <source>The demo folder %1 cannot be locked; check that it is writable.</source>
        <translation>无法锁定演示文件夹 %1；请检查它是否可写。</translation>
    </message>
</context>
<context>
    <name>cvmi::importform::CosObjectUrl</name>
    <message>
        <source>empty; upload the image first, or paste its COS URL (%1).</source>
        <translation>为空；请先上传镜像，或粘贴其 COS URL（%1）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid URL; a COS object URL looks like %2.</source>
        <translation>“%1”不是有效的 URL；COS 对象 URL 应形如 %2。</translation>
    </message>
    <message>
        <source>uses &quot;%1&quot;; use https:// so that the image cannot be altered on the way (%2).</source>
        <translation>使用了“%1”；请使用 https://，以免镜像在传输途中被篡改（%2）。</translation>
    </message>
    <message>
        <source>carries a user name or password before the host; remove it, COS URLs never contain credentials (%1).</source>
        <translation>在主机名之前带有用户名或密码；请将其删除，COS URL 从不包含凭证（%1）。</translation>
    </message>
    <message>
        <source>names port %1, but COS serves https on the default port only; remove &quot;:%1&quot;.</source>
        <translation>指定了端口 %1，但 COS 仅在默认端口上提供 https 服务；请删除“:%1”。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a COS bucket&apos;s regional address; CVM imports only from COS, so give a COS object URL of the form %2 (or the .tencentcos.cn alias).</source>
        <translation>“%1”不是 COS 存储桶的地域地址；CVM 仅支持从 COS 导入，请填写形如 %2 的 COS 对象 URL（或使用 .tencentcos.cn 别名）。</translation>
    </message>
    <message>
        <source>names the bucket %1 but no object; add the image&apos;s object key after the host, e.g. %2/images/disk.qcow2.</source>
        <translation>指定了存储桶 %1，但没有指定对象；请在主机名之后加上镜像的对象键，例如 %2/images/disk.qcow2。</translation>
    </message>
</context>
<context>
    <name>cvmi::importform::Draft</name>
    <message>
        <source>must be %1, not %2</source>
        <translation>应为 %1，而不是 %2</translation>
    </message>
    <message>
        <source>The draft&apos;s field &quot;%1&quot; %2: correct it in the file, or fill the form again and save a new draft.</source>
        <translation>草稿中的字段“%1”%2：请在文件中更正，或重新填写表单并保存为新的草稿。</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>is longer than %1 characters</source>
        <translation>超过了 %1 个字符</translation>
    </message>
    <message>
        <source>has more than %1 entries</source>
        <translation>超过了 %1 项</translation>
    </message>
    <message>
        <source>is &quot;%1&quot;; an image&apos;s tags have ResourceType &quot;image&quot;</source>
        <translation>为 &quot;%1&quot;；镜像标签的 ResourceType 应为 &quot;image&quot;</translation>
    </message>
    <message>
        <source>is &quot;%1&quot;, not one of pass, warn, fail, unknown</source>
        <translation>为 &quot;%1&quot;，不是 pass、warn、fail、unknown 之一</translation>
    </message>
    <message>
        <source>must be a whole number of bytes, not %1</source>
        <translation>应为整数字节数，而不是 %1</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>第 %1 行第 %2 列</translation>
    </message>
    <message>
        <source>The draft is %1 bytes; drafts are at most %2 bytes: this is not a draft file.</source>
        <translation>该草稿有 %1 字节，而草稿最大为 %2 字节：这不是草稿文件。</translation>
    </message>
    <message>
        <source>The draft is not valid JSON at %1 (%2): repair the file there, or save a new draft.</source>
        <translation>草稿在%1处不是有效的 JSON（%2）：请在该处修复文件，或保存新的草稿。</translation>
    </message>
    <message>
        <source>This file is not a CVM Import Wizard draft (it has no &quot;format&quot;: &quot;%1&quot;): open a file saved with &quot;Save draft&quot;.</source>
        <translation>此文件不是 CVM Import Wizard 草稿（其中没有 &quot;format&quot;: &quot;%1&quot;）：请打开通过“保存草稿”保存的文件。</translation>
    </message>
    <message>
        <source>The draft&apos;s field &quot;version&quot; must be a whole number from 1, not %1: the file is damaged; save a new draft.</source>
        <translation>草稿中的字段“version”应为从 1 开始的整数，而不是 %1：文件已损坏，请保存新的草稿。</translation>
    </message>
    <message>
        <source>an unknown version</source>
        <translation>未知版本</translation>
    </message>
    <message>
        <source>This draft has format version %1 (written by CVM Import Wizard %2); this program (%3) reads format version %4 only: open it with a newer CVM Import Wizard.</source>
        <translation>此草稿的格式版本为 %1（由 CVM Import Wizard %2 写入）；本程序（%3）仅能读取格式版本 %4：请使用更新版本的 CVM Import Wizard 打开。</translation>
    </message>
    <message>
        <source>is &quot;%1&quot;, not an ISO 8601 date and time</source>
        <translation>为 &quot;%1&quot;，不是 ISO 8601 格式的日期时间</translation>
    </message>
    <message>
        <source>Cannot open the draft %1: %2.</source>
        <translation>无法打开草稿 %1：%2。</translation>
    </message>
    <message>
        <source>%1 is %2 bytes; drafts are at most %3 bytes: this is not a draft file.</source>
        <translation>%1 有 %2 字节，而草稿最大为 %3 字节：这不是草稿文件。</translation>
    </message>
    <message>
        <source>Cannot save the draft %1: %2. Choose another folder.</source>
        <translation>无法保存草稿 %1：%2。请选择其他文件夹。</translation>
    </message>
</context>
<context>
    <name>cvmi::importform::FormPrefill</name>
    <message>
        <source>the built-in OS list offers</source>
        <translation>内置操作系统列表提供</translation>
    </message>
    <message>
        <source>the service offers</source>
        <translation>服务提供</translation>
    </message>
    <message>
        <source>%1 detected; %2 only %3 for %4: %5 is proposed, choose the nearest.</source>
        <translation>检测到 %1；对于 %4，%2的版本只有 %3：建议使用 %5，请选择最接近的版本。</translation>
    </message>
    <message>
        <source>%1 detected; %2 no version for %3 (&quot;-&quot;).</source>
        <translation>检测到 %1；%2的 %3 不带版本号（“-”）。</translation>
    </message>
    <message>
        <source>%1 detected; %2 %3.</source>
        <translation>检测到 %1；%2 %3。</translation>
    </message>
    <message>
        <source>%1 detected; %2 %3 %4.</source>
        <translation>检测到 %1；%2 %3 %4。</translation>
    </message>
</context>
<context>
    <name>cvmi::importform::ImportForm</name>
    <message>
        <source>, … (%1 in all)</source>
        <translation>, …（共 %1 个）</translation>
    </message>
    <message>
        <source>the built-in OS list (refresh it when online)</source>
        <translation>内置的操作系统列表（联网时请刷新）</translation>
    </message>
    <message>
        <source>the OS list of %1</source>
        <translation>%1 的操作系统列表</translation>
    </message>
    <message>
        <source>This list may be out of date: the value is sent as it is, and the service decides.</source>
        <translation>该列表可能已过时：该值将按原样发送，由服务最终决定。</translation>
    </message>
    <message>
        <source>%1 characters, at most %2; shorten it by %3.</source>
        <translation>%1 个字符，最多 %2 个；请删减 %3 个字符。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a value the import accepts; choose one of %2.</source>
        <translation>“%1”不是导入接受的取值；请从 %2 中选择。</translation>
    </message>
    <message>
        <source>required; give the new custom image a name of at most %1 characters.</source>
        <translation>必填；请为新的自定义镜像取一个不超过 %1 个字符的名称。</translation>
    </message>
    <message>
        <source>contains a control character (a line break or tab); remove it.</source>
        <translation>含有控制字符（换行符或制表符）；请将其删除。</translation>
    </message>
    <message>
        <source>starts or ends with a space; remove it, so that the name is found exactly as shown.</source>
        <translation>以空格开头或结尾；请将其删除，以便按所显示的名称准确查找。</translation>
    </message>
    <message>
        <source>contains a control character; remove it.</source>
        <translation>含有控制字符；请将其删除。</translation>
    </message>
    <message>
        <source>the bucket %1 is in %2 but the image is imported into %3; upload to a bucket in %3, or import into %2.</source>
        <translation>存储桶 %1 位于 %2，但镜像将导入到 %3；请上传到位于 %3 的存储桶，或导入到 %2。</translation>
    </message>
    <message>
        <source>a pre-signed URL; anyone who has it can download the image until it expires, and the import fails if it expires first. Drafts keep the URL without its signature.</source>
        <translation>这是预签名 URL；在其过期之前，任何持有它的人都可以下载该镜像；如果它在导入完成前过期，导入将失败。草稿中保存的 URL 不含签名。</translation>
    </message>
    <message>
        <source>required; choose the image&apos;s operating system, one of %1.</source>
        <translation>必填；请选择镜像的操作系统，可选值为 %1。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not in %2; choose one of %3, or &quot;Other Linux&quot; when none fits.</source>
        <translation>“%1”不在%2中；请从 %3 中选择，如均不适用，请选择“Other Linux”。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not in %2, which spells it &quot;%3&quot;; choose &quot;%3&quot;.</source>
        <translation>“%1”不在%2中，该列表中的写法为“%3”；请选择“%3”。</translation>
    </message>
    <message>
        <source>required; choose one of %1.</source>
        <translation>必填；请从 %1 中选择。</translation>
    </message>
    <message>
        <source>required; choose the operating system first.</source>
        <translation>必填；请先选择操作系统。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not offered for %2 in %3; choose one of %4 (the nearest older version is usually right).</source>
        <translation>%3中没有为 %2 提供“%1”；请从 %4 中选择（通常选择最接近的较早版本即可）。</translation>
    </message>
    <message>
        <source>%1 is not offered as %2 in %3; choose one of %4, or another operating system.</source>
        <translation>%3中的 %1 不提供 %2 架构；请从 %4 中选择，或选择其他操作系统。</translation>
    </message>
    <message>
        <source>BYOL is for systems you hold a licence for (Red Hat, SUSE, Windows Server); %1 needs none, so choose TencentCloud unless you know why.</source>
        <translation>BYOL 适用于您持有许可证的系统（Red Hat、SUSE、Windows Server）；%1 无需许可证，除非有明确理由，否则请选择 TencentCloud。</translation>
    </message>
    <message>
        <source>Red Hat Enterprise Linux is imported with your own subscription; choose BYOL.</source>
        <translation>Red Hat Enterprise Linux 需使用您自己的订阅导入；请选择 BYOL。</translation>
    </message>
    <message>
        <source>arm_64 images boot with UEFI, so Legacy BIOS will probably not start; choose UEFI.</source>
        <translation>arm_64 镜像使用 UEFI 启动，使用 Legacy BIOS 很可能无法启动；请选择 UEFI。</translation>
    </message>
    <message>
        <source>%1 tags, at most %2 for an image; remove %3.</source>
        <translation>共 %1 个标签，一个镜像最多 %2 个；请删除 %3 个。</translation>
    </message>
    <message>
        <source>no key; give the tag one, or remove the tag.</source>
        <translation>没有标签键；请为该标签填写键，或删除该标签。</translation>
    </message>
    <message>
        <source>the key &quot;%1…&quot; has %2 characters, at most %3; shorten it.</source>
        <translation>标签键“%1…”有 %2 个字符，最多 %3 个；请缩短。</translation>
    </message>
    <message>
        <source>the key &quot;%1&quot; starts with &quot;%2&quot;, which Tencent Cloud reserves for its own tags; choose another key.</source>
        <translation>标签键“%1”以“%2”开头，该前缀由腾讯云保留给自身标签使用；请更换标签键。</translation>
    </message>
    <message>
        <source>the key &quot;%1&quot; may hold only letters, digits, spaces and + - = . _ : / @; remove the other characters.</source>
        <translation>标签键“%1”只能包含字母、数字、空格和 + - = . _ : / @；请删除其他字符。</translation>
    </message>
    <message>
        <source>the key &quot;%1&quot; is used twice, and a key takes one value; remove one of them.</source>
        <translation>标签键“%1”出现了两次，而一个键只能有一个值；请删除其中一个。</translation>
    </message>
    <message>
        <source>the value of &quot;%1&quot; has %2 characters, at most %3; shorten it.</source>
        <translation>“%1”的标签值有 %2 个字符，最多 %3 个；请缩短。</translation>
    </message>
    <message>
        <source>the value of &quot;%1&quot; may hold only letters, digits, spaces and + - = . _ : / @; remove the other characters.</source>
        <translation>“%1”的标签值只能包含字母、数字、空格和 + - = . _ : / @；请删除其他字符。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; may be refused (InvalidImageFamily); the vendor documents no format, so use letters, digits and - _ . only, starting with a letter or digit, at most %2 characters, like &quot;business-daily-update&quot;.</source>
        <translation>“%1”可能会被拒绝（InvalidImageFamily）；官方文档未说明其格式，因此请仅使用字母、数字和 - _ .，以字母或数字开头，最多 %2 个字符，例如“business-daily-update”。</translation>
    </message>
    <message>
        <source>%1 data disks, and this program imports at most %2 with one image; import the others separately.</source>
        <translation>共 %1 块数据盘，而本程序一次最多随镜像导入 %2 块；请另行导入其余数据盘。</translation>
    </message>
    <message>
        <source>the system disk&apos;s own URL; remove it from the data disks.</source>
        <translation>与系统盘的 URL 相同；请从数据盘中删除。</translation>
    </message>
</context>
<context>
    <name>cvmi::importform::OsCatalogue</name>
    <message>
        <source>%1 is not a list of strings.</source>
        <translation>%1 不是字符串列表。</translation>
    </message>
    <message>
        <source>%1[%2] is not a non-empty string.</source>
        <translation>%1[%2] 不是非空字符串。</translation>
    </message>
    <message>
        <source>ImportImageOsListSupported is missing or not an object.</source>
        <translation>ImportImageOsListSupported 缺失或不是对象。</translation>
    </message>
    <message>
        <source>ImportImageOsVersionSet is missing or not a list.</source>
        <translation>ImportImageOsVersionSet 缺失或不是列表。</translation>
    </message>
    <message>
        <source>%1 has no OsName string.</source>
        <translation>%1 中没有 OsName 字符串。</translation>
    </message>
    <message>
        <source>The OS list names no operating system.</source>
        <translation>操作系统列表中没有任何操作系统。</translation>
    </message>
    <message>
        <source>The cached OS list %1 is ignored (%2); the built-in list is used until the next successful refresh.</source>
        <translation>已忽略缓存的操作系统列表 %1（%2）；在下次成功刷新之前将使用内置列表。</translation>
    </message>
    <message>
        <source>larger than %1 bytes</source>
        <translation>大于 %1 字节</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <source>not a version %1 OS-list cache</source>
        <translation>不是版本 %1 的操作系统列表缓存</translation>
    </message>
    <message>
        <source>no valid &quot;fetched&quot; date</source>
        <translation>没有有效的 &quot;fetched&quot; 日期</translation>
    </message>
    <message>
        <source>Cannot create the cache folder %1: check its permissions.</source>
        <translation>无法创建缓存文件夹 %1：请检查其权限。</translation>
    </message>
    <message>
        <source>Cannot write the OS-list cache %1: %2.</source>
        <translation>无法写入操作系统列表缓存 %1：%2。</translation>
    </message>
</context>
<context>
    <name>cvmi::importrun::ImportHistory</name>
    <message>
        <source>The import history %1 cannot be read: %2. Move it aside to start a new history; the imports themselves are not affected.</source>
        <translation>无法读取导入历史记录 %1：%2。请将其移到别处以开始新的历史记录；导入本身不受影响。</translation>
    </message>
    <message>
        <source>it is %1 bytes, more than the %2 a history can reach</source>
        <translation>其大小为 %1 字节，超过了历史记录可能达到的上限 %2</translation>
    </message>
    <message>
        <source>not JSON (%1 at byte %2)</source>
        <translation>不是 JSON（%1，位于第 %2 字节）</translation>
    </message>
    <message>
        <source>it is not an import history (&quot;format&quot; is not &quot;%1&quot;)</source>
        <translation>它不是导入历史记录（&quot;format&quot; 不是 &quot;%1&quot;）</translation>
    </message>
    <message>
        <source>it was written by a newer version of the program (format version %1; this one reads up to %2)</source>
        <translation>它由更新版本的程序写入（格式版本 %1；本程序最高只能读取版本 %2）</translation>
    </message>
    <message>
        <source>The import history %1 could not be written: %2. The import goes on; free some space or fix the folder&apos;s permissions to keep it in the history.</source>
        <translation>无法写入导入历史记录 %1：%2。导入仍会继续；请释放一些磁盘空间或修正该文件夹的权限，以便将此次导入记入历史记录。</translation>
    </message>
    <message>
        <source>%1 is not in the import history (%2). Pass --region with the region it was imported in to follow it anyway.</source>
        <translation>%1 不在导入历史记录中（%2）。如仍要跟踪，请使用 --region 指定其导入时所在的地域。</translation>
    </message>
    <message>
        <source>The folder %1 for the import history cannot be created; check its permissions.</source>
        <translation>无法创建用于存放导入历史记录的文件夹 %1，请检查其权限。</translation>
    </message>
    <message>
        <source>The import history %1 is locked by another program for more than %2 s; try again when it has finished.</source>
        <translation>导入历史记录 %1 已被其他程序锁定超过 %2 秒；请在该程序结束后重试。</translation>
    </message>
</context>
<context>
    <name>cvmi::importrun::ImportRunner</name>
    <message numerus="yes">
        <source>The form has %n error(s); nothing was sent.</source>
        <translation>
            <numerusform>表单中有 %n 处错误，未发送任何请求。</numerusform>
        </translation>
    </message>
    <message>
        <source>Correct the fields named above and start the import again.</source>
        <translation>请更正上面列出的字段，然后重新开始导入。</translation>
    </message>
    <message>
        <source>Stopped before the import was started.</source>
        <translation>已在开始导入前停止。</translation>
    </message>
    <message>
        <source>Stopped following %1; the import goes on in Tencent Cloud.</source>
        <translation>已停止跟踪 %1；导入仍在腾讯云中进行。</translation>
    </message>
    <message>
        <source>Follow it again later from the import history (`cvm-import imports --follow %1`).</source>
        <translation>稍后可从导入历史中再次跟踪（`cvm-import imports --follow %1`）。</translation>
    </message>
    <message>
        <source>The dry run passed: the account may import this image with these values in %1. Nothing was created.</source>
        <translation>预检通过：该账号可以在 %1 使用这些参数导入此镜像。未创建任何资源。</translation>
    </message>
    <message>
        <source>the DryRun was answered as neither allowed nor refused</source>
        <translation>DryRun 的应答既非允许也非拒绝</translation>
    </message>
    <message>
        <source>The dry run failed.</source>
        <translation>预检失败。</translation>
    </message>
    <message>
        <source>The dry run was refused, so nothing was imported.</source>
        <translation>预检被拒绝，因此未导入任何镜像。</translation>
    </message>
    <message>
        <source>ImportImage was refused, so nothing was imported.</source>
        <translation>ImportImage 被拒绝，因此未导入任何镜像。</translation>
    </message>
    <message>
        <source>The import of %1 has started in %2.</source>
        <translation>已在 %2 开始导入 %1。</translation>
    </message>
    <message>
        <source>Follow it with `cvm-import imports --follow %1`.</source>
        <translation>可使用 `cvm-import imports --follow %1` 跟踪导入进度。</translation>
    </message>
    <message>
        <source>Following %1 stopped; the import goes on in Tencent Cloud and can be followed again with `cvm-import imports --follow %1`.</source>
        <translation>已停止跟踪 %1；导入仍在腾讯云中进行，可使用 `cvm-import imports --follow %1` 再次跟踪。</translation>
    </message>
    <message>
        <source>Tencent Cloud does not know the image %1 in %2.</source>
        <translation>腾讯云在 %2 中找不到镜像 %1。</translation>
    </message>
    <message>
        <source>It may have been deleted, or it belongs to another region or account: check the region (--region) and the credentials.</source>
        <translation>该镜像可能已被删除，或属于其他地域或账号：请检查地域（--region）和访问密钥。</translation>
    </message>
    <message>
        <source>The image %1 (%2) is ready in %3 after %4.</source>
        <translation>镜像 %1（%2）已在 %3 就绪，耗时 %4。</translation>
    </message>
    <message>
        <source>Tencent Cloud could not create the image %1 from the imported disk (CREATEFAILED) after %2.</source>
        <translation>腾讯云无法从导入的磁盘创建镜像 %1（CREATEFAILED），耗时 %2。</translation>
    </message>
    <message>
        <source>The import of %1 failed (IMPORTFAILED) after %2; Tencent Cloud does not say why.</source>
        <translation>%1 导入失败（IMPORTFAILED），耗时 %2；腾讯云未说明原因。</translation>
    </message>
    <message>
        <source> (Tencent Cloud: %1: %2)</source>
        <translation> （腾讯云：%1：%2）</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> （%1）</translation>
    </message>
    <message>
        <source> RequestId %1.</source>
        <translation> RequestId：%1。</translation>
    </message>
    <message>
        <source>The usual causes: (1) CVM could not read the object: a private bucket needs a pre-signed ImageUrl (the wizard and `cvm-import import` send one when the object is not public; it may have expired before the import read it), and the bucket must be in the import&apos;s region %1 (`cvm-import doctor --region %1` checks the account and the buckets); (2) the object is not a whole disk image (qcow2, VMDK, VHD or raw), or its upload was cut short; (3) the operating system or its file system is not supported (ext3/ext4/NTFS on an MBR disk, an OS version from the list). `cvm-import check FILE` reads the image as CVM will and names the rule that fails. Fix the cause and import again; the failed image can be deleted in the CVM console → Images.</source>
        <translation>常见原因：(1) CVM 无法读取该对象：私有存储桶需要使用预签名的 ImageUrl（对象非公开时，向导和 `cvm-import import` 会发送预签名链接；该链接可能在导入读取前已过期），且存储桶必须位于导入地域 %1（`cvm-import doctor --region %1` 可检查账号和存储桶）；(2) 该对象不是完整的磁盘镜像（qcow2、VMDK、VHD 或 raw），或上传不完整；(3) 不支持该操作系统或其文件系统（须为 MBR 磁盘上的 ext3/ext4/NTFS，且操作系统版本在列表中）。`cvm-import check FILE` 会按 CVM 的方式读取镜像，并指出未通过的规则。请排除原因后重新导入；导入失败的镜像可在 CVM 控制台 → 镜像 中删除。</translation>
    </message>
    <message>
        <source>DescribeImportImageOs answered an empty list.</source>
        <translation>DescribeImportImageOs 返回了空列表。</translation>
    </message>
    <message>
        <source>Stopped looking for the image named &quot;%1&quot; (ImportImage RequestId %2); the import goes on in Tencent Cloud.</source>
        <translation>已停止查找名为“%1”的镜像（ImportImage RequestId %2）；导入仍在腾讯云中进行。</translation>
    </message>
    <message>
        <source>Look for the image named &quot;%1&quot; in the CVM console → Images (region %2); follow it with `cvm-import imports --follow IMAGE_ID --region %2`.</source>
        <translation>请在 CVM 控制台 → 镜像（地域 %2）中查找名为“%1”的镜像；然后使用 `cvm-import imports --follow IMAGE_ID --region %2` 跟踪它。</translation>
    </message>
    <message>
        <source>The service did not return the new image&apos;s ID; found %1 by its name &quot;%2&quot;.</source>
        <translation>服务未返回新镜像的 ID；已按名称“%2”找到 %1。</translation>
    </message>
    <message>
        <source>ImportImage was accepted (RequestId %1) but the service did not return the new image&apos;s ID, and no image named &quot;%2&quot; created since then is listed in %3.</source>
        <translation>ImportImage 已被接受（RequestId %1），但服务未返回新镜像的 ID，且 %3 中未列出此后创建的名为“%2”的镜像。</translation>
    </message>
    <message>
        <source>Looking for it failed: %1 (%2).</source>
        <translation>查找失败：%1（%2）。</translation>
    </message>
    <message>
        <source>The import has probably started: before importing again, look for the image named &quot;%1&quot; in the CVM console → Images (region %2), or in `cvm-import imports` later; once you know its ID, follow it with `cvm-import imports --follow IMAGE_ID --region %2`.</source>
        <translation>导入很可能已经开始：再次导入之前，请在 CVM 控制台 → 镜像（地域 %2）中查找名为“%1”的镜像，或稍后在 `cvm-import imports` 中查找；得知其 ID 后，使用 `cvm-import imports --follow IMAGE_ID --region %2` 跟踪它。</translation>
    </message>
</context>
<context>
    <name>cvmi::importrun::ImportUrlResolver</name>
    <message>
        <source>The bucket is public-read: the import gets the object&apos;s plain URL.</source>
        <translation>存储桶为公有读：导入使用对象的普通 URL。</translation>
    </message>
    <message>
        <source>No signed link could be made (%1): the import gets the plain URL, which it can read only if the bucket is public.</source>
        <translation>无法生成签名链接（%1）：导入使用普通 URL，仅当存储桶公开时才能读取。</translation>
    </message>
    <message>
        <source>no account is connected</source>
        <translation>未连接账号</translation>
    </message>
    <message>
        <source>The bucket is private: the import gets a signed link valid for %1 hours.</source>
        <translation>存储桶为私有：导入使用有效期为 %1 小时的签名链接。</translation>
    </message>
    <message>
        <source>Whether the bucket is public could not be checked (%1): the import gets a signed link valid for %2 hours, which works either way.</source>
        <translation>无法检查存储桶是否公开（%1）：导入使用有效期为 %2 小时的签名链接，两种情况下均可用。</translation>
    </message>
    <message>
        <source>Anyone who has that link can download the image until it expires.</source>
        <translation>在链接过期之前，任何持有该链接的人都可以下载此镜像。</translation>
    </message>
    <message>
        <source>COS answered HTTP %1</source>
        <translation>COS 返回 HTTP %1</translation>
    </message>
</context>
<context>
    <name>cvmi::inspect::DeadlineGuestFs</name>
    <message>
        <source>Not read within the time limit.</source>
        <translation>未在时限内读取。</translation>
    </message>
</context>
<context>
    <name>cvmi::inspect::GuestInspector</name>
    <message>
        <source>%1 is encrypted (LUKS); an encrypted system disk cannot be imported</source>
        <translation>%1 已加密（LUKS）；加密的系统盘无法导入</translation>
    </message>
    <message>
        <source>%1 holds Windows, but it could not be read: %2</source>
        <translation>%1 中装有 Windows，但无法读取：%2</translation>
    </message>
    <message>
        <source>LVM volume %1</source>
        <translation>LVM 卷 %1</translation>
    </message>
    <message>
        <source>%1 is an LVM physical volume whose volume group metadata could not be read</source>
        <translation>%1 是 LVM 物理卷，但无法读取其卷组元数据</translation>
    </message>
    <message>
        <source>%1 holds Btrfs (the openSUSE and SLES default), which cannot be read here; the import supports only ext3, ext4 and NTFS system file systems</source>
        <translation>%1 上是 Btrfs（openSUSE 和 SLES 的默认文件系统），此处无法读取；导入只支持 ext3、ext4 和 NTFS 系统文件系统</translation>
    </message>
    <message>
        <source>%1 holds XFS, which could not be read: %2</source>
        <translation>%1 上是 XFS，但无法读取：%2</translation>
    </message>
</context>
<context>
    <name>cvmi::inspect::GuestPath</name>
    <message>
        <source>%1: a component of the path is not a directory.</source>
        <translation>%1：路径中的某一部分不是目录。</translation>
    </message>
    <message>
        <source>%1 does not exist in the guest.</source>
        <translation>%1 在客户机中不存在。</translation>
    </message>
    <message>
        <source>%1: too many levels of symbolic links.</source>
        <translation>%1：符号链接层级过多。</translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation>%1 不是普通文件。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>cvmi::inspect::GuestVolumes</name>
    <message>
        <source>The logical volume %1 is not in the volume group&apos;s metadata.</source>
        <translation>卷组元数据中没有逻辑卷 %1。</translation>
    </message>
</context>
<context>
    <name>cvmi::inspect::Initramfs</name>
    <message>
        <source>the gzip data is damaged (%1)</source>
        <translation>gzip 数据已损坏（%1）</translation>
    </message>
    <message>
        <source>the %1 data is damaged (code %2)</source>
        <translation>%1 数据已损坏（错误码 %2）</translation>
    </message>
    <message>
        <source>the zstd data is damaged (%1)</source>
        <translation>zstd 数据已损坏（%1）</translation>
    </message>
    <message>
        <source>the lz4 data ends inside a block</source>
        <translation>lz4 数据在数据块中间意外结束</translation>
    </message>
    <message>
        <source>the lz4 data is damaged</source>
        <translation>lz4 数据已损坏</translation>
    </message>
    <message>
        <source>the lz4 data is damaged (%1)</source>
        <translation>lz4 数据已损坏（%1）</translation>
    </message>
    <message>
        <source>the file could not be read</source>
        <translation>无法读取该文件</translation>
    </message>
    <message>
        <source>the cpio archive is damaged near byte %1</source>
        <translation>cpio 归档在第 %1 字节附近损坏</translation>
    </message>
    <message>
        <source>the cpio archive is cut short</source>
        <translation>cpio 归档不完整</translation>
    </message>
    <message>
        <source>its %1 compression is not supported here</source>
        <translation>此处不支持其 %1 压缩格式</translation>
    </message>
    <message>
        <source>it unpacks to more than %1 MiB</source>
        <translation>解压后超过 %1 MiB</translation>
    </message>
    <message>
        <source>the compressed archive is cut short or holds no cpio archive</source>
        <translation>压缩归档不完整，或其中没有 cpio 归档</translation>
    </message>
    <message>
        <source>the unpacked data is not a cpio archive</source>
        <translation>解压后的数据不是 cpio 归档</translation>
    </message>
    <message>
        <source>it was not read within the time limit</source>
        <translation>未在时限内读取</translation>
    </message>
    <message>
        <source>the initramfs files together unpack to more than %1 MiB, the most one inspection unpacks</source>
        <translation>所有 initramfs 文件解压后合计超过 %1 MiB，即单次检查最多解压的大小</translation>
    </message>
    <message>
        <source>%1 MiB of it were read without unpacking anything (padding, or a decompression bomb)</source>
        <translation>读取了其中 %1 MiB 却未解压出任何内容（填充数据，或解压炸弹）</translation>
    </message>
</context>
<context>
    <name>cvmi::inspect::Inspector</name>
    <message>
        <source>The inspection was cancelled.</source>
        <translation>检查已取消。</translation>
    </message>
    <message>
        <source>The partition table was not read within the time limit.</source>
        <translation>未在时限内读取分区表。</translation>
    </message>
</context>
<context>
    <name>cvmi::inspect::LinuxKernels</name>
    <message>
        <source>a release like %1</source>
        <translation>形如 %1 的版本</translation>
    </message>
    <message>
        <source>no packaging pattern is known for this distribution</source>
        <translation>该发行版没有已知的内核包命名规则</translation>
    </message>
    <message>
        <source>it was not read within the time limit</source>
        <translation>未在时限内读取</translation>
    </message>
    <message numerus="yes">
        <source>only the initramfs files of the newest %n kernel(s) are read</source>
        <translation>
            <numerusform>只读取最新 %n 个内核的 initramfs 文件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cvmi::inspect::LinuxNetwork</name>
    <message>
        <source>The file does not hold a netplan &quot;network:&quot; map.</source>
        <translation>该文件不包含 netplan 的 &quot;network:&quot; 映射。</translation>
    </message>
    <message>
        <source>Invalid YAML: %1</source>
        <translation>YAML 无效：%1</translation>
    </message>
    <message>
        <source>Invalid YAML at line %1, column %2: %3</source>
        <translation>YAML 在第 %1 行第 %2 列无效：%3</translation>
    </message>
    <message>
        <source>The YAML could not be read: %1</source>
        <translation>无法读取 YAML：%1</translation>
    </message>
    <message>
        <source>The YAML could not be read.</source>
        <translation>无法读取 YAML。</translation>
    </message>
    <message>
        <source>Invalid XML at line %1, column %2: %3</source>
        <translation>XML 在第 %1 行第 %2 列无效：%3</translation>
    </message>
</context>
<context>
    <name>cvmi::inspect::RegistryHive</name>
    <message>
        <source>No temporary file could be created to read a registry hive: %1. Check that the temporary folder is writable.</source>
        <translation>无法创建用于读取注册表配置单元的临时文件：%1。请检查临时文件夹是否可写。</translation>
    </message>
    <message>
        <source>A registry hive could not be copied to a temporary file: %1.</source>
        <translation>无法将注册表配置单元复制到临时文件：%1。</translation>
    </message>
    <message>
        <source>A registry hive could not be copied into memory: %1.</source>
        <translation>无法将注册表配置单元复制到内存：%1。</translation>
    </message>
    <message>
        <source>The registry hive %1 is larger than %2 MiB, far larger than Windows writes it; it was not read. The image is probably damaged.</source>
        <translation>注册表配置单元 %1 大于 %2 MiB，远超 Windows 正常写入的大小，因此未读取。该镜像可能已损坏。</translation>
    </message>
    <message>
        <source>The registry hive %1 cannot be read: %2. It is damaged or truncated; shut Windows down cleanly and export the disk again.</source>
        <translation>无法读取注册表配置单元 %1：%2。该文件已损坏或被截断；请正常关闭 Windows 后重新导出磁盘。</translation>
    </message>
    <message>
        <source>The registry hive %1 is not a regular file.</source>
        <translation>注册表配置单元 %1 不是普通文件。</translation>
    </message>
</context>
<context>
    <name>cvmi::inspect::TskGuestFs</name>
    <message>
        <source>%1 failed in the guest file system: %2</source>
        <translation>在客户机文件系统中%1失败：%2</translation>
    </message>
    <message>
        <source>No file system that can be read was found at byte %1: %2</source>
        <translation>在第 %1 字节处未找到可读取的文件系统：%2</translation>
    </message>
    <message>
        <source>Listing a directory</source>
        <translation>列出目录</translation>
    </message>
    <message>
        <source>Opening a file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Reading a file</source>
        <translation>读取文件</translation>
    </message>
    <message>
        <source>Opening a symbolic link</source>
        <translation>打开符号链接</translation>
    </message>
    <message>
        <source>The entry is not a symbolic link.</source>
        <translation>该条目不是符号链接。</translation>
    </message>
    <message>
        <source>Directory (inode %1)</source>
        <translation>目录（inode %1）</translation>
    </message>
    <message>
        <source>File (inode %1)</source>
        <translation>文件（inode %1）</translation>
    </message>
    <message>
        <source>%1 declares a size of %2 bytes, %3: the file system is damaged or crafted, so it was not read.</source>
        <translation>%1 声明的大小为 %2 字节，%3：文件系统已损坏或被人为构造，因此未读取。</translation>
    </message>
    <message>
        <source>more than the whole file system (%1 bytes)</source>
        <translation>超过整个文件系统的大小（%1 字节）</translation>
    </message>
    <message>
        <source>more than any real directory (limit %1 bytes)</source>
        <translation>超过任何实际目录的大小（上限 %1 字节）</translation>
    </message>
    <message>
        <source>more than any file the inspection reads (limit %1 bytes)</source>
        <translation>超过检查所读取的任何文件的大小（上限 %1 字节）</translation>
    </message>
    <message>
        <source>more than inline data can hold (%1 bytes)</source>
        <translation>超过内联数据可容纳的大小（%1 字节）</translation>
    </message>
    <message>
        <source>beyond the double-indirect block map (%1 bytes)</source>
        <translation>超出二级间接块映射的范围（%1 字节）</translation>
    </message>
    <message>
        <source>Reading a file&apos;s block map</source>
        <translation>读取文件的块映射</translation>
    </message>
</context>
<context>
    <name>cvmi::inspect::TskImage</name>
    <message>
        <source>Out of memory opening the disk.</source>
        <translation>打开磁盘时内存不足。</translation>
    </message>
    <message>
        <source>The Sleuth Kit could not open the disk: %1</source>
        <translation>The Sleuth Kit 无法打开磁盘：%1</translation>
    </message>
</context>
<context>
    <name>cvmi::inspect::VolumeNames</name>
    <message>
        <source>LVM volume %1 (%2)</source>
        <translation>LVM 卷 %1（%2）</translation>
    </message>
    <message>
        <source>LVM volume %1</source>
        <translation>LVM 卷 %1</translation>
    </message>
    <message>
        <source>the whole disk</source>
        <translation>整个磁盘</translation>
    </message>
    <message>
        <source>partition %1</source>
        <translation>分区 %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>not readable: %1</source>
        <translation>无法读取：%1</translation>
    </message>
</context>
<context>
    <name>cvmi::inspect::WindowsInspector</name>
    <message>
        <source>boot</source>
        <translation>引导</translation>
    </message>
    <message>
        <source>system</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>禁用</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Select\Current missing or invalid; using %1</source>
        <translation>Select\Current 缺失或无效；使用 %1</translation>
    </message>
    <message>
        <source>%1.sys absent</source>
        <translation>%1.sys 不存在</translation>
    </message>
    <message>
        <source>%1.sys present</source>
        <translation>%1.sys 存在</translation>
    </message>
    <message>
        <source>no Services\%1 key</source>
        <translation>没有 Services\%1 键</translation>
    </message>
    <message>
        <source>Services\%1 without a Start value</source>
        <translation>Services\%1 没有 Start 值</translation>
    </message>
    <message>
        <source>DisabledComponents not set (IPv6 enabled)</source>
        <translation>未设置 DisabledComponents（IPv6 已启用）</translation>
    </message>
    <message>
        <source>no readable PE header, no PROCESSOR_ARCHITECTURE</source>
        <translation>没有可读取的 PE 头，也没有 PROCESSOR_ARCHITECTURE</translation>
    </message>
    <message>
        <source>%1: sequence numbers differ; the newest changes may be only in the .LOG1/.LOG2 files, which are not read</source>
        <translation>%1：序列号不一致；最新的更改可能只存在于 .LOG1/.LOG2 文件中，而这些文件不会被读取</translation>
    </message>
</context>
<context>
    <name>cvmi::inspect::WindowsReach</name>
    <message>
        <source>%1 not set</source>
        <translation>%1 未设置</translation>
    </message>
    <message>
        <source> (Group Policy; %1\%2: %3)</source>
        <translation> （组策略；%1\%2：%3）</translation>
    </message>
    <message>
        <source>no Remote Desktop rule in FirewallRules</source>
        <translation>FirewallRules 中没有远程桌面规则</translation>
    </message>
    <message>
        <source>no pending file renames, no RebootPending or RebootRequired key</source>
        <translation>没有待处理的文件重命名，也没有 RebootPending 或 RebootRequired 注册表项</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>no unattend.xml</source>
        <translation>没有 unattend.xml</translation>
    </message>
    <message>
        <source> present</source>
        <translation> 存在</translation>
    </message>
</context>
<context>
    <name>cvmi::inspect::XfsGuestFs</name>
    <message>
        <source>directory inode %1 holds an entry with an invalid name</source>
        <translation>目录 inode %1 中有名称无效的条目</translation>
    </message>
    <message>
        <source>Directory (inode %1) has more than %2 entries, more than any real directory; it was not read.</source>
        <translation>目录（inode %1）的条目超过 %2 个，多于任何真实目录；未读取。</translation>
    </message>
    <message>
        <source>the short-form directory inode %1 %2</source>
        <translation>短格式目录 inode %1 %2</translation>
    </message>
    <message>
        <source>declares %1 bytes in a fork of %2</source>
        <translation>在 %2 字节的 fork 中声明了 %1 字节</translation>
    </message>
    <message>
        <source>ends inside entry %1</source>
        <translation>在条目 %1 中间结束</translation>
    </message>
    <message>
        <source>has entry %1 of %2 bytes past its end</source>
        <translation>的条目 %1（%2 字节）超出了末尾</translation>
    </message>
    <message>
        <source>directory inode %1, block at offset %2, %3</source>
        <translation>目录 inode %1 偏移 %2 处的块%3</translation>
    </message>
    <message>
        <source>has no directory data magic</source>
        <translation>没有目录数据魔数</translation>
    </message>
    <message>
        <source>belongs to inode %1</source>
        <translation>属于 inode %1</translation>
    </message>
    <message>
        <source>has %1 index entries</source>
        <translation>有 %1 个索引条目</translation>
    </message>
    <message>
        <source>has a free region of %1 bytes at %2</source>
        <translation>在 %2 处有 %1 字节的空闲区</translation>
    </message>
    <message>
        <source>ends inside the entry at %1</source>
        <translation>在 %1 处的条目中间结束</translation>
    </message>
    <message>
        <source>has an entry of %1 bytes at %2 past its end</source>
        <translation>在 %2 处有一个 %1 字节的条目超出了末尾</translation>
    </message>
    <message>
        <source>Directory (inode %1) has more than %2 bytes of entries, more than any real directory; it was not read.</source>
        <translation>目录（inode %1）的条目超过 %2 字节，多于任何真实目录；未读取。</translation>
    </message>
    <message>
        <source>XFS inode %1 is not a directory.</source>
        <translation>XFS inode %1 不是目录。</translation>
    </message>
    <message>
        <source>XFS inode %1 is not a symbolic link.</source>
        <translation>XFS inode %1 不是符号链接。</translation>
    </message>
    <message>
        <source>XFS inode %1 is not a regular file.</source>
        <translation>XFS inode %1 不是普通文件。</translation>
    </message>
    <message>
        <source>File (inode %1) declares a size of %2 bytes, more than the file system (%3 bytes) or any file the inspection reads (limit %4 bytes), so it was not read.</source>
        <translation>文件（inode %1）声明大小为 %2 字节，超过文件系统（%3 字节）或检查读取的任何文件（上限 %4 字节），因此未读取。</translation>
    </message>
    <message>
        <source>File (inode %1) lives on the XFS realtime device, which this check does not read.</source>
        <translation>文件（inode %1）位于 XFS 实时设备上，本检查不读取该设备。</translation>
    </message>
    <message>
        <source>The XFS file system at byte %1 (%2 bytes) does not fit in the disk of %3 bytes.</source>
        <translation>位于字节 %1 的 XFS 文件系统（%2 字节）超出了 %3 字节的磁盘。</translation>
    </message>
    <message>
        <source>The file system at byte %1 is too small for XFS.</source>
        <translation>位于字节 %1 的文件系统太小，不可能是 XFS。</translation>
    </message>
    <message>
        <source>The XFS root inode %1 is not a directory: the file system is damaged.</source>
        <translation>XFS 根 inode %1 不是目录：文件系统已损坏。</translation>
    </message>
    <message>
        <source>Directory (inode %1) declares a size of %2 bytes, more than any real directory (limit %3 bytes): the file system is damaged or crafted, so it was not read.</source>
        <translation>目录（inode %1）声明大小为 %2 字节，超过任何真实目录（上限 %3 字节）：文件系统已损坏或被人为构造，因此未读取。</translation>
    </message>
    <message>
        <source>inode %1 declares %2 inline bytes</source>
        <translation>inode %1 声明了 %2 字节的内联数据</translation>
    </message>
    <message>
        <source>the target of symbolic link inode %1 has a bad block at offset %2</source>
        <translation>符号链接 inode %1 的目标在偏移 %2 处有坏块</translation>
    </message>
    <message>
        <source>symbolic link inode %1 declares a target of %2 bytes</source>
        <translation>符号链接 inode %1 声明目标长 %2 字节</translation>
    </message>
    <message>
        <source>symbolic link inode %1 declares %2 inline bytes</source>
        <translation>符号链接 inode %1 声明了 %2 字节的内联数据</translation>
    </message>
    <message>
        <source>The XFS superblock is not valid: %1. The file system is damaged or this is not XFS.</source>
        <translation>XFS 超级块无效：%1。文件系统已损坏，或者这不是 XFS。</translation>
    </message>
    <message>
        <source>The XFS file system uses %1, which this check cannot read.</source>
        <translation>该 XFS 文件系统使用了%1，本检查无法读取。</translation>
    </message>
    <message>
        <source>superblock version %1</source>
        <translation>超级块版本 %1</translation>
    </message>
    <message>
        <source>ASCII case-insensitive names (ascii-ci)</source>
        <translation>ASCII 不区分大小写的文件名（ascii-ci）</translation>
    </message>
    <message>
        <source>version 1 directories</source>
        <translation>第 1 版目录</translation>
    </message>
    <message>
        <source>unknown v4 features 0x%1</source>
        <translation>未知的 v4 特性 0x%1</translation>
    </message>
    <message>
        <source>the needs-repair flag (xfs_repair did not finish; run it on the guest disk first)</source>
        <translation>needs-repair 标志（xfs_repair 未完成；请先在客户机磁盘上运行它）</translation>
    </message>
    <message>
        <source>unknown incompatible features 0x%1</source>
        <translation>未知的不兼容特性 0x%1</translation>
    </message>
    <message>
        <source>the file system is smaller than one sector</source>
        <translation>文件系统小于一个扇区</translation>
    </message>
    <message>
        <source>no XFSB magic at byte 0</source>
        <translation>字节 0 处没有 XFSB 魔数</translation>
    </message>
    <message>
        <source>block size %1</source>
        <translation>块大小 %1</translation>
    </message>
    <message>
        <source>sector size %1</source>
        <translation>扇区大小 %1</translation>
    </message>
    <message>
        <source>inode size %1</source>
        <translation>inode 大小 %1</translation>
    </message>
    <message>
        <source>%1 inodes per block</source>
        <translation>每块 %1 个 inode</translation>
    </message>
    <message>
        <source>%1 blocks per allocation group (log %2)</source>
        <translation>每个分配组 %1 块（log %2）</translation>
    </message>
    <message>
        <source>%1 blocks in %2 allocation groups of %3</source>
        <translation>%1 块，分布在 %2 个每组 %3 块的分配组中</translation>
    </message>
    <message>
        <source>inode numbers wider than 64 bits</source>
        <translation>inode 编号宽于 64 位</translation>
    </message>
    <message>
        <source>directory block size 2^%1</source>
        <translation>目录块大小 2^%1</translation>
    </message>
    <message>
        <source>The XFS file system declares %1 bytes but its partition or volume holds only %2: the disk image is truncated or the partition table is wrong.</source>
        <translation>XFS 文件系统声明 %1 字节，但其分区或卷只有 %2：磁盘镜像被截断，或分区表有误。</translation>
    </message>
    <message>
        <source>The XFS file system is damaged: %1. It was not read further.</source>
        <translation>XFS 文件系统已损坏：%1。未继续读取。</translation>
    </message>
    <message>
        <source>inode %1 has a B+tree root of %2 bytes</source>
        <translation>inode %1 的 B+ 树根为 %2 字节</translation>
    </message>
    <message>
        <source>inode %1 has a B+tree root of level %2 with %3 records</source>
        <translation>inode %1 的 B+ 树根层级为 %2，有 %3 条记录</translation>
    </message>
    <message>
        <source>The block map of inode %1</source>
        <translation>inode %1 的块映射</translation>
    </message>
    <message>
        <source>the block map of inode %1 visits block %2 twice</source>
        <translation>inode %1 的块映射两次访问块 %2</translation>
    </message>
    <message>
        <source>The block map of inode %1 has more than %2 blocks, more than any file the inspection reads; it was not read.</source>
        <translation>inode %1 的块映射超过 %2 块，多于检查读取的任何文件；未读取。</translation>
    </message>
    <message>
        <source>block %1 of the block map of inode %2 %3</source>
        <translation>inode %2 块映射的块 %1%3</translation>
    </message>
    <message>
        <source>has no %1 magic</source>
        <translation>没有 %1 魔数</translation>
    </message>
    <message>
        <source>has level %1 (expected %2) and %3 records</source>
        <translation>层级为 %1（应为 %2），有 %3 条记录</translation>
    </message>
    <message>
        <source>blocks %1+%2 lie outside the file system of %3 blocks</source>
        <translation>块 %1+%2 位于 %3 块的文件系统之外</translation>
    </message>
    <message>
        <source>%1 points to block %2 (allocation group %3, block %4, %5 blocks), outside the file system</source>
        <translation>%1 指向块 %2（分配组 %3，块 %4，%5 块），在文件系统之外</translation>
    </message>
    <message>
        <source>%1 points to block %2, past the end of the file system</source>
        <translation>%1 指向块 %2，超出文件系统末尾</translation>
    </message>
    <message>
        <source>Inode number %1</source>
        <translation>inode 编号 %1</translation>
    </message>
    <message>
        <source>inode %1 %2</source>
        <translation>inode %1 %2</translation>
    </message>
    <message>
        <source>has no IN magic</source>
        <translation>没有 IN 魔数</translation>
    </message>
    <message>
        <source>has version %1 on a v%2 file system</source>
        <translation>在 v%2 文件系统上版本为 %1</translation>
    </message>
    <message>
        <source>says it is inode %1</source>
        <translation>自称是 inode %1</translation>
    </message>
    <message>
        <source>declares a negative size</source>
        <translation>声明了负的大小</translation>
    </message>
    <message>
        <source>has its attribute fork at %1, past the inode</source>
        <translation>的属性 fork 位于 %1，超出了 inode</translation>
    </message>
    <message>
        <source>Inode %1 has more than %2 extents, more than any file the inspection reads; it was not read.</source>
        <translation>inode %1 的区段超过 %2 个，多于检查读取的任何文件；未读取。</translation>
    </message>
    <message>
        <source>inode %1 has an empty extent</source>
        <translation>inode %1 有一个空区段</translation>
    </message>
    <message>
        <source>An extent of inode %1</source>
        <translation>inode %1 的一个区段</translation>
    </message>
    <message>
        <source>the extents of inode %1 overlap or are out of order</source>
        <translation>inode %1 的区段重叠或顺序错乱</translation>
    </message>
    <message>
        <source>inode %1 declares %2 extents where %3 fit</source>
        <translation>inode %1 声明了 %2 个区段，但只能容纳 %3 个</translation>
    </message>
    <message>
        <source>inode %1 has data fork format %2 where extents were expected</source>
        <translation>inode %1 的数据 fork 格式为 %2，应为区段格式</translation>
    </message>
    <message>
        <source>a read of inode %1 past 2^64 bytes</source>
        <translation>对 inode %1 的读取超出了 2^64 字节</translation>
    </message>
</context>
<context>
    <name>cvmi::inspect::lvm::LvmConfig</name>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>more than %1 values and sections</source>
        <translation>值和节超过 %1 个</translation>
    </message>
    <message>
        <source>a name was expected</source>
        <translation>此处应为名称</translation>
    </message>
    <message>
        <source>a name longer than %1 characters</source>
        <translation>名称超过 %1 个字符</translation>
    </message>
    <message>
        <source>sections nested deeper than %1</source>
        <translation>节的嵌套深度超过 %1</translation>
    </message>
    <message>
        <source>a section is not closed</source>
        <translation>有一个节没有闭合</translation>
    </message>
    <message>
        <source>a &quot;}&quot; closes no section</source>
        <translation>有一个 &quot;}&quot; 没有对应的节</translation>
    </message>
    <message>
        <source>&quot;=&quot; or &quot;{&quot; was expected</source>
        <translation>此处应为 &quot;=&quot; 或 &quot;{&quot;</translation>
    </message>
    <message>
        <source>a value was expected</source>
        <translation>此处应为值</translation>
    </message>
    <message>
        <source>a string longer than %1 bytes</source>
        <translation>字符串超过 %1 字节</translation>
    </message>
    <message>
        <source>a string is not closed</source>
        <translation>有一个字符串没有闭合</translation>
    </message>
    <message>
        <source>a number too large</source>
        <translation>数字过大</translation>
    </message>
    <message>
        <source>a malformed number</source>
        <translation>数字格式错误</translation>
    </message>
    <message>
        <source>&quot;,&quot; or &quot;]&quot; was expected in an array</source>
        <translation>数组中此处应为 &quot;,&quot; 或 &quot;]&quot;</translation>
    </message>
    <message>
        <source>an array inside an array</source>
        <translation>数组中嵌套了数组</translation>
    </message>
    <message>
        <source>an array of more than %1 items</source>
        <translation>数组超过 %1 项</translation>
    </message>
</context>
<context>
    <name>cvmi::inspect::lvm::LvmLabel</name>
    <message>
        <source>its PV header offset %1 lies outside the label sector</source>
        <translation>其 PV 头偏移 %1 位于标签扇区之外</translation>
    </message>
    <message>
        <source>its PV id is not printable text</source>
        <translation>其 PV id 不是可打印文本</translation>
    </message>
    <message>
        <source>its list of data and metadata areas does not end within the sector</source>
        <translation>其数据区和元数据区列表没有在扇区内结束</translation>
    </message>
    <message>
        <source>its label type is not &quot;LVM2 001&quot;</source>
        <translation>其标签类型不是 &quot;LVM2 001&quot;</translation>
    </message>
    <message>
        <source>its label says it is in sector %1</source>
        <translation>其标签自称位于扇区 %1</translation>
    </message>
    <message>
        <source>its label checksum does not match (the sector is damaged)</source>
        <translation>其标签校验和不匹配（扇区已损坏）</translation>
    </message>
    <message>
        <source>the LVM label in sector %1 is damaged: %2</source>
        <translation>扇区 %1 中的 LVM 标签已损坏：%2</translation>
    </message>
    <message>
        <source>the metadata area at byte %1 points to text of %2 bytes at offset %3, outside the area</source>
        <translation>位于字节 %1 的元数据区指向偏移 %3 处 %2 字节的文本，超出了该区</translation>
    </message>
    <message>
        <source>the metadata area at byte %1 reaches past the end of the physical volume</source>
        <translation>位于字节 %1 的元数据区超出了物理卷末尾</translation>
    </message>
    <message>
        <source>the metadata text at byte %1 of the area at byte %2 fails its checksum (the copy is damaged or half written)</source>
        <translation>位于字节 %2 的元数据区中，字节 %1 处的元数据文本校验失败（该副本已损坏或只写了一半）</translation>
    </message>
    <message>
        <source>the metadata area at byte %1 (%2 bytes) does not fit in the physical volume</source>
        <translation>位于字节 %1 的元数据区（%2 字节）超出了物理卷</translation>
    </message>
    <message>
        <source>the metadata area header at byte %1 is damaged (magic, version, position or checksum)</source>
        <translation>位于字节 %1 的元数据区头已损坏（魔数、版本、位置或校验和）</translation>
    </message>
</context>
<context>
    <name>cvmi::inspect::lvm::LvmMapping</name>
    <message>
        <source>only linear volumes are read here</source>
        <translation>此处只读取线性卷</translation>
    </message>
    <message>
        <source>its physical volume %1 (id %2) is not on this disk: a volume group spanning disks cannot be imported as one system disk</source>
        <translation>其物理卷 %1（id %2）不在此磁盘上：跨磁盘的卷组无法作为一个系统盘导入</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <source>%1 is striped over %2 physical volumes; %3</source>
        <translation>%1 条带化分布在 %2 个物理卷上；%3</translation>
    </message>
    <message>
        <source>%1 is a thin volume in pool %2: its blocks are in the pool&apos;s hidden volume %3 and placed by the pool&apos;s own metadata; %4</source>
        <translation>%1 是池 %2 中的精简卷：其数据块位于池的隐藏卷 %3 中，由池自身的元数据定位；%4</translation>
    </message>
    <message>
        <source>(not found)</source>
        <translation>（未找到）</translation>
    </message>
    <message>
        <source>%1 is a %2: it holds the blocks of other volumes, not a file system</source>
        <translation>%1 是 %2：它存放其他卷的数据块，而不是文件系统</translation>
    </message>
    <message>
        <source>%1 is a %2 volume whose copies or parity are spread over hidden volumes; %3</source>
        <translation>%1 是 %2 卷，其副本或校验数据分布在隐藏卷中；%3</translation>
    </message>
    <message>
        <source>%1 is cached (%2 with pool %3): part of its newest data may be only in the cache; %4</source>
        <translation>%1 带有缓存（%2，池 %3）：部分最新数据可能只在缓存中；%4</translation>
    </message>
    <message>
        <source>%1 is a snapshot of %2: its blocks are the origin&apos;s plus a copy-on-write store; %3</source>
        <translation>%1 是 %2 的快照：其数据由源卷的块加上写时复制存储组成；%3</translation>
    </message>
    <message>
        <source>%1 is a VDO volume (deduplicated and compressed in pool %2); %3</source>
        <translation>%1 是 VDO 卷（在池 %2 中去重并压缩）；%3</translation>
    </message>
    <message>
        <source>%1 has a segment of type &quot;%2&quot;, which holds no data</source>
        <translation>%1 有一个类型为 &quot;%2&quot; 的段，其中没有数据</translation>
    </message>
    <message>
        <source>%1 has a segment of type &quot;%2&quot;, which this check does not know; %3</source>
        <translation>%1 有一个类型为 &quot;%2&quot; 的段，本检查不认识该类型；%3</translation>
    </message>
    <message>
        <source>%1 has a linear segment that lists %2 physical volumes (damaged metadata)</source>
        <translation>%1 有一个列出 %2 个物理卷的线性段（元数据已损坏）</translation>
    </message>
    <message>
        <source>%1 names a physical volume &quot;%2&quot; that its volume group does not list</source>
        <translation>%1 引用了其卷组未列出的物理卷 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>%1 has extents %2 to %3 on %4, past the end of that physical volume (partition %5): the metadata is damaged</source>
        <translation>%1 在 %4 上的区段 %2 到 %3 超出了该物理卷（分区 %5）的末尾：元数据已损坏</translation>
    </message>
    <message>
        <source>%1 is larger than 16 EiB: the metadata is damaged</source>
        <translation>%1 大于 16 EiB：元数据已损坏</translation>
    </message>
    <message>
        <source>%1 has a gap or an overlap at extent %2 between its segments: the metadata is damaged</source>
        <translation>%1 的段之间在区段 %2 处有空隙或重叠：元数据已损坏</translation>
    </message>
    <message>
        <source>%1 shares extents of %2 with %3/%4: the metadata is damaged</source>
        <translation>%1 与 %3/%4 共用 %2 的区段：元数据已损坏</translation>
    </message>
    <message>
        <source>Volume group %1: %2</source>
        <translation>卷组 %1：%2</translation>
    </message>
    <message>
        <source>Volume group %1 has an extent size of %2 sectors: the metadata is damaged</source>
        <translation>卷组 %1 的区段大小为 %2 个扇区：元数据已损坏</translation>
    </message>
</context>
<context>
    <name>cvmi::inspect::lvm::LvmMetadata</name>
    <message>
        <source>it has no physical_volumes section</source>
        <translation>其中没有 physical_volumes 节</translation>
    </message>
    <message>
        <source>it lists more than %1 physical volumes</source>
        <translation>其中列出的物理卷超过 %1 个</translation>
    </message>
    <message>
        <source>physical volume %1 lacks its id, pe_start or pe_count</source>
        <translation>物理卷 %1 缺少 id、pe_start 或 pe_count</translation>
    </message>
    <message>
        <source>logical volume %1 lacks its id or segment_count</source>
        <translation>逻辑卷 %1 缺少 id 或 segment_count</translation>
    </message>
    <message>
        <source>logical volume %1 has %2 segments (at most %3 in all are read)</source>
        <translation>逻辑卷 %1 有 %2 个段（总共最多读取 %3 个）</translation>
    </message>
    <message>
        <source>segment %1 of logical volume %2 is malformed or repeated</source>
        <translation>逻辑卷 %2 的段 %1 格式错误或重复</translation>
    </message>
    <message>
        <source>logical volume %1 says it has %2 segments but lists fewer</source>
        <translation>逻辑卷 %1 声称有 %2 个段，但列出的更少</translation>
    </message>
    <message>
        <source>it lists more than %1 logical volumes</source>
        <translation>其中列出的逻辑卷超过 %1 个</translation>
    </message>
    <message>
        <source>it describes more than one volume group</source>
        <translation>其中描述了不止一个卷组</translation>
    </message>
    <message>
        <source>it describes no volume group</source>
        <translation>其中没有描述任何卷组</translation>
    </message>
    <message>
        <source>volume group %1 lacks its id, seqno or extent_size</source>
        <translation>卷组 %1 缺少 id、seqno 或 extent_size</translation>
    </message>
</context>
<context>
    <name>cvmi::inspect::lvm::LvmScan</name>
    <message>
        <source>Partition %1: %2</source>
        <translation>分区 %1：%2</translation>
    </message>
    <message>
        <source>Partition %1 looks like an LVM physical volume but has no LVM label in its first four sectors</source>
        <translation>分区 %1 看起来是 LVM 物理卷，但其前四个扇区中没有 LVM 标签</translation>
    </message>
    <message>
        <source>a metadata copy cannot be read: %1</source>
        <translation>有一份元数据副本无法读取：%1</translation>
    </message>
    <message>
        <source>Partition %1 is an LVM physical volume that no volume group on this disk names (it has %2 metadata copy of its own)</source>
        <translation>分区 %1 是 LVM 物理卷，但此磁盘上没有卷组引用它（它自身%2元数据副本）</translation>
    </message>
    <message>
        <source>no readable</source>
        <translation>没有可读的</translation>
    </message>
    <message>
        <source>no</source>
        <translation>没有</translation>
    </message>
    <message>
        <source>Partition %1 is an LVM physical volume whose metadata cannot be read: %2</source>
        <translation>分区 %1 是 LVM 物理卷，但其元数据无法读取：%2</translation>
    </message>
</context>
<context>
    <name>cvmi::inspect::lvm::LvmVolume</name>
    <message>
        <source>Byte %1 of logical volume %2 lies in no extent of it on this disk.</source>
        <translation>逻辑卷 %2 的字节 %1 不在其位于此磁盘上的任何区段中。</translation>
    </message>
</context>
<context>
    <name>cvmi::policy</name>
    <message>
        <source>The rule file %1 is not valid: %2</source>
        <translation>规则文件 %1 无效：%2</translation>
    </message>
    <message>
        <source>it has no rules.</source>
        <translation>其中没有任何规则。</translation>
    </message>
    <message>
        <source>rule %1</source>
        <translation>规则 %1</translation>
    </message>
    <message>
        <source>%1 has a missing or repeated &quot;id&quot;.</source>
        <translation>%1 缺少 &quot;id&quot;，或 &quot;id&quot; 重复。</translation>
    </message>
    <message>
        <source>%1 (%2) names the check &quot;%3&quot;, which this version does not know. Update the program or remove the rule.</source>
        <translation>%1（%2）指定的检查项 &quot;%3&quot; 无法被当前版本识别。请更新程序，或删除该规则。</translation>
    </message>
    <message>
        <source>%1 (%2) has an unknown &quot;group&quot;.</source>
        <translation>%1（%2）的 &quot;group&quot; 未知。</translation>
    </message>
    <message>
        <source>%1 (%2): &quot;params&quot; must be an object.</source>
        <translation>%1（%2）：&quot;params&quot; 必须是对象。</translation>
    </message>
</context>
<context>
    <name>cvmi::policy::Check</name>
    <message>
        <source>Not checked: the partitions could not be read.</source>
        <translation>未检查：无法读取分区。</translation>
    </message>
    <message>
        <source>Not checked: no operating system was found.</source>
        <translation>未检查：未找到操作系统。</translation>
    </message>
    <message>
        <source>Not applicable to this operating system.</source>
        <translation>不适用于此操作系统。</translation>
    </message>
    <message>
        <source>No kernel was found, so no virtio driver either.</source>
        <translation>未找到内核，因此也没有 virtio 驱动。</translation>
    </message>
    <message>
        <source>Make sure /boot and /lib/modules are on the exported disk.</source>
        <translation>请确保 /boot 和 /lib/modules 位于导出的磁盘上。</translation>
    </message>
    <message>
        <source>%1 (module)</source>
        <translation>%1（模块）</translation>
    </message>
    <message>
        <source>%1 (built in)</source>
        <translation>%1（内置）</translation>
    </message>
    <message>
        <source>Kernel %1 has no %2 driver (looked in %3).</source>
        <translation>内核 %1 没有 %2 驱动（已在 %3 中查找）。</translation>
    </message>
    <message>
        <source>Install the kernel&apos;s virtio drivers (they ship with every distribution kernel) and rebuild the initramfs, then export again.</source>
        <translation>请安装内核的 virtio 驱动（各发行版内核均自带），重新生成 initramfs，然后重新导出。</translation>
    </message>
    <message>
        <source>Kernel %1 has %2, but its initramfs %3 does not contain virtio_blk: the system will not find its disk at boot.</source>
        <translation>内核 %1 包含 %2，但其 initramfs %3 中没有 virtio_blk：系统启动时将找不到磁盘。</translation>
    </message>
    <message>
        <source>Add virtio_blk, virtio_pci and virtio_net to /etc/initramfs-tools/modules and run `update-initramfs -u -k all`.</source>
        <translation>请将 virtio_blk、virtio_pci 和 virtio_net 添加到 /etc/initramfs-tools/modules，然后运行 `update-initramfs -u -k all`。</translation>
    </message>
    <message>
        <source>Run `dracut -f --add-drivers &quot;virtio_blk virtio_pci virtio_net&quot; %1 %2` (or mkinitrd on SUSE 11).</source>
        <translation>请运行 `dracut -f --add-drivers &quot;virtio_blk virtio_pci virtio_net&quot; %1 %2`（SUSE 11 上请使用 mkinitrd）。</translation>
    </message>
    <message>
        <source>Kernel %1 has %2; its initramfs %3 could not be checked for virtio_blk (%4).</source>
        <translation>内核 %1 包含 %2；无法检查其 initramfs %3 中是否有 virtio_blk（%4）。</translation>
    </message>
    <message>
        <source>Make sure the initramfs includes virtio_blk (`lsinitrd | grep virtio` or `lsinitramfs`), or rebuild it with the virtio drivers.</source>
        <translation>请确认 initramfs 中包含 virtio_blk（可使用 `lsinitrd | grep virtio` 或 `lsinitramfs` 查看），或加入 virtio 驱动后重新生成 initramfs。</translation>
    </message>
    <message>
        <source>Kernel %1 has %2, and virtio_blk is in %3.</source>
        <translation>内核 %1 包含 %2，且 %3 中包含 virtio_blk。</translation>
    </message>
    <message>
        <source>Kernel %1 has %2.</source>
        <translation>内核 %1 包含 %2。</translation>
    </message>
    <message>
        <source>Virtio drivers installed: %1.</source>
        <translation>已安装的 Virtio 驱动：%1。</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>Missing in Windows\System32\drivers: %1. Windows does not include the KVM virtio drivers.</source>
        <translation>Windows\System32\drivers 中缺少：%1。Windows 自身不包含 KVM virtio 驱动。</translation>
    </message>
    <message>
        <source>On the original machine, run Tencent Cloud&apos;s InstallQCloud.exe (http://windowsvirtio-10016717.file.myqcloud.com/InstallQCloud.exe), then export the disk again.</source>
        <translation>请在原机器上运行腾讯云的 InstallQCloud.exe（http://windowsvirtio-10016717.file.myqcloud.com/InstallQCloud.exe），然后重新导出磁盘。</translation>
    </message>
    <message numerus="yes">
        <source>%n network adapter(s) are configured for TCP/IP.</source>
        <translation>
            <numerusform>有 %n 个网卡配置了 TCP/IP。</numerusform>
        </translation>
    </message>
    <message>
        <source>Only one network adapter is supported: remove the others in Device Manager before exporting.</source>
        <translation>仅支持一个网卡：请在导出前于设备管理器中删除其他网卡。</translation>
    </message>
    <message>
        <source>No more than one network adapter is configured.</source>
        <translation>配置的网卡不超过一个。</translation>
    </message>
    <message>
        <source>No network interface is configured statically; the cloud writes /etc/qcloud-network-config.ini on first boot.</source>
        <translation>没有静态配置的网卡；首次启动时，云平台会写入 /etc/qcloud-network-config.ini。</translation>
    </message>
    <message numerus="yes">
        <source>%n interface(s) are configured: %1.</source>
        <translation>
            <numerusform>已配置 %n 个网卡：%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Only one network interface, eth0, is supported: remove the configuration of the others.</source>
        <translation>仅支持一个网卡 eth0：请删除其他网卡的配置。</translation>
    </message>
    <message>
        <source>The interface is named %1, not eth0: %2.</source>
        <translation>网卡名称为 %1，而不是 eth0：%2。</translation>
    </message>
    <message>
        <source>Rename it to eth0: add `net.ifnames=0 biosdevname=0` to the kernel command line (GRUB_CMDLINE_LINUX, then regenerate grub.cfg) and rename its configuration to eth0.</source>
        <translation>请将其重命名为 eth0：在内核命令行中添加 `net.ifnames=0 biosdevname=0`（修改 GRUB_CMDLINE_LINUX 后重新生成 grub.cfg），并将其配置重命名为 eth0。</translation>
    </message>
    <message>
        <source>Only eth0 is configured: %1.</source>
        <translation>仅配置了 eth0：%1。</translation>
    </message>
    <message>
        <source>IPv6 is disabled (Tcpip6\Parameters\DisabledComponents = 0x%1).</source>
        <translation>IPv6 已禁用（Tcpip6\Parameters\DisabledComponents = 0x%1）。</translation>
    </message>
    <message>
        <source>IPv6 is enabled (DisabledComponents = 0x%1).</source>
        <translation>IPv6 已启用（DisabledComponents = 0x%1）。</translation>
    </message>
    <message>
        <source>IPv6 is enabled (Windows&apos; default: no DisabledComponents value).</source>
        <translation>IPv6 已启用（Windows 默认设置：未设置 DisabledComponents 值）。</translation>
    </message>
    <message>
        <source>Tencent Cloud does not support IPv6 addresses on imported images: set HKLM\SYSTEM\CurrentControlSet\Services\Tcpip6\Parameters\DisabledComponents to 0xFF and restart before exporting.</source>
        <translation>腾讯云不支持导入的镜像使用 IPv6 地址：请将 HKLM\SYSTEM\CurrentControlSet\Services\Tcpip6\Parameters\DisabledComponents 设置为 0xFF，并在导出前重启。</translation>
    </message>
    <message>
        <source>IPv6 is disabled: %1.</source>
        <translation>IPv6 已禁用：%1。</translation>
    </message>
    <message>
        <source>No interface configures IPv6.</source>
        <translation>没有网卡配置 IPv6。</translation>
    </message>
    <message>
        <source>IPv6 is configured: %1.</source>
        <translation>已配置 IPv6：%1。</translation>
    </message>
    <message>
        <source>Tencent Cloud does not support IPv6 on imported images: turn it off in the interface configuration (IPV6INIT=no, remove inet6 stanzas or dhcp6: true), or set net.ipv6.conf.all.disable_ipv6 = 1 in /etc/sysctl.conf.</source>
        <translation>腾讯云不支持导入的镜像使用 IPv6：请在网卡配置中关闭 IPv6（设置 IPV6INIT=no，删除 inet6 配置段或 dhcp6: true），或在 /etc/sysctl.conf 中设置 net.ipv6.conf.all.disable_ipv6 = 1。</translation>
    </message>
    <message>
        <source>/etc/fstab names its file systems by UUID, LABEL or /dev/vd*.</source>
        <translation>/etc/fstab 通过 UUID、LABEL 或 /dev/vd* 指定文件系统。</translation>
    </message>
    <message>
        <source>/etc/fstab names disks by device: %1. On Tencent Cloud the disk is /dev/vda, so these will not be found at boot.</source>
        <translation>/etc/fstab 通过设备名指定磁盘：%1。在腾讯云上磁盘为 /dev/vda，因此启动时将找不到这些磁盘。</translation>
    </message>
    <message>
        <source>Use UUID= or LABEL= in /etc/fstab (see `blkid`), and the same for root= on the kernel command line.</source>
        <translation>请在 /etc/fstab 中使用 UUID= 或 LABEL=（参见 `blkid`），内核命令行中的 root= 也同样处理。</translation>
    </message>
    <message>
        <source>cloud-init is installed (%1).</source>
        <translation>已安装 cloud-init（%1）。</translation>
    </message>
    <message>
        <source>cloud-init is not installed: the cloud cannot set the password, host name or network for you; it writes /etc/qcloud-network-config.ini instead.</source>
        <translation>未安装 cloud-init：云平台无法为您设置密码、主机名或网络，而是改为写入 /etc/qcloud-network-config.ini。</translation>
    </message>
    <message>
        <source>Install cloud-init before exporting if you want Tencent Cloud to initialise new instances, or configure the network by hand after the first boot.</source>
        <translation>如果希望由腾讯云初始化新实例，请在导出前安装 cloud-init；否则请在首次启动后手动配置网络。</translation>
    </message>
    <message>
        <source>KVM virtio drivers</source>
        <translation>KVM virtio 驱动</translation>
    </message>
    <message>
        <source>Only eth0</source>
        <translation>仅 eth0</translation>
    </message>
    <message>
        <source>No IPv6</source>
        <translation>无 IPv6</translation>
    </message>
    <message>
        <source>Disks named by UUID in /etc/fstab</source>
        <translation>/etc/fstab 按 UUID 指定磁盘</translation>
    </message>
    <message>
        <source>cloud-init</source>
        <translation>cloud-init</translation>
    </message>
    <message>
        <source>Opened %1 (%2 on disk).</source>
        <translation>已打开 %1（占用磁盘空间 %2）。</translation>
    </message>
    <message>
        <source>The image is %1, which Tencent Cloud imports.</source>
        <translation>镜像格式为 %1，腾讯云支持导入该格式。</translation>
    </message>
    <message>
        <source>The image is %1; accepted formats: %2.</source>
        <translation>镜像格式为 %1；支持的格式：%2。</translation>
    </message>
    <message>
        <source>Convert it, e.g. `qemu-img convert -O qcow2 IMAGE disk.qcow2`.</source>
        <translation>请转换格式，例如 `qemu-img convert -O qcow2 IMAGE disk.qcow2`。</translation>
    </message>
    <message>
        <source>Make a self-contained copy first (merge snapshots or flatten with `qemu-img convert`), then check that copy.</source>
        <translation>请先制作一个独立的副本（合并快照，或使用 `qemu-img convert` 展平），然后检查该副本。</translation>
    </message>
    <message>
        <source>Review the notes above before uploading.</source>
        <translation>上传前请查看以上说明。</translation>
    </message>
    <message>
        <source>The image is self-contained: no backing file, parent disk or snapshot chain.</source>
        <translation>镜像是独立的：没有后备文件、父磁盘或快照链。</translation>
    </message>
    <message>
        <source>Image file is a readable disk image</source>
        <translation>镜像文件是可读取的磁盘镜像</translation>
    </message>
    <message>
        <source>Image format</source>
        <translation>镜像格式</translation>
    </message>
    <message>
        <source>Self-contained image</source>
        <translation>独立镜像</translation>
    </message>
    <message>
        <source>The partition table could not be read: %1</source>
        <translation>无法读取分区表：%1</translation>
    </message>
    <message>
        <source>Check that the image is a complete system disk.</source>
        <translation>请检查该镜像是否为完整的系统盘。</translation>
    </message>
    <message>
        <source>The virtual disk is %1; the limit is %2.</source>
        <translation>虚拟磁盘大小为 %1；上限为 %2。</translation>
    </message>
    <message>
        <source>The virtual disk is %1, more than the %2 limit for system disks.</source>
        <translation>虚拟磁盘大小为 %1，超过了系统盘 %2 的上限。</translation>
    </message>
    <message>
        <source>Shrink the last partition&apos;s file system and the partition (e.g. resize2fs, then parted resizepart), then the disk with `qemu-img resize --shrink IMAGE %1`.</source>
        <translation>请先缩小最后一个分区的文件系统和该分区（例如先用 resize2fs，再用 parted resizepart），然后使用 `qemu-img resize --shrink IMAGE %1` 缩小磁盘。</translation>
    </message>
    <message numerus="yes">
        <source>The disk has an MBR (DOS) partition table with %n partition(s).</source>
        <translation>
            <numerusform>磁盘使用 MBR（DOS）分区表，共 %n 个分区。</numerusform>
        </translation>
    </message>
    <message>
        <source>The disk has a GPT partition table; Tencent Cloud imports MBR disks only.</source>
        <translation>磁盘使用 GPT 分区表；腾讯云仅支持导入 MBR 磁盘。</translation>
    </message>
    <message>
        <source>Convert GPT to MBR (at most 4 partitions, disk under 2 TiB): `sgdisk --gpttombr=1:2:3 DISK`, then install a BIOS boot loader (e.g. `grub-install --target=i386-pc`). Take a copy first.</source>
        <translation>请将 GPT 转换为 MBR（最多 4 个分区，磁盘小于 2 TiB）：`sgdisk --gpttombr=1:2:3 DISK`，然后安装 BIOS 引导程序（例如 `grub-install --target=i386-pc`）。操作前请先备份。</translation>
    </message>
    <message>
        <source>The disk has no partition table: the file system starts at the first byte.</source>
        <translation>磁盘没有分区表：文件系统从第一个字节开始。</translation>
    </message>
    <message>
        <source>Import a whole system disk with an MBR partition table and a boot loader, not a single partition.</source>
        <translation>请导入带有 MBR 分区表和引导程序的完整系统盘，而不是单个分区。</translation>
    </message>
    <message>
        <source>Not applicable: the disk has no MBR partition table.</source>
        <translation>不适用：磁盘没有 MBR 分区表。</translation>
    </message>
    <message>
        <source>The MBR holds no boot code, so the disk cannot start by itself.</source>
        <translation>MBR 中没有引导代码，因此该磁盘无法自行启动。</translation>
    </message>
    <message>
        <source>Write the Windows boot code into the MBR (`bootsect /nt60 SYS /mbr` in an elevated prompt, or `bootrec /fixmbr` from the recovery console) and export the disk again.</source>
        <translation>请将 Windows 引导代码写入 MBR（在管理员命令提示符中运行 `bootsect /nt60 SYS /mbr`，或在恢复控制台中运行 `bootrec /fixmbr`），然后重新导出磁盘。</translation>
    </message>
    <message>
        <source>Install a boot loader into the MBR (e.g. `grub-install /dev/sda` inside the machine) and export the disk again.</source>
        <translation>请将引导程序安装到 MBR（例如在该机器内运行 `grub-install /dev/sda`），然后重新导出磁盘。</translation>
    </message>
    <message>
        <source>The MBR has boot code but no partition is marked active.</source>
        <translation>MBR 中有引导代码，但没有分区被标记为活动分区。</translation>
    </message>
    <message>
        <source>Most boot loaders do not need the flag, but Windows does: mark the system partition active (`sfdisk --activate DISK 1`).</source>
        <translation>大多数引导程序不需要此标记，但 Windows 需要：请将系统分区标记为活动分区（`sfdisk --activate DISK 1`）。</translation>
    </message>
    <message>
        <source>The MBR holds boot code and an active partition.</source>
        <translation>MBR 中有引导代码和活动分区。</translation>
    </message>
    <message>
        <source>No ext3, ext4 or NTFS file system was found.</source>
        <translation>未找到 ext3、ext4 或 NTFS 文件系统。</translation>
    </message>
    <message>
        <source>Found %1; the system file system must be ext3, ext4 or NTFS.</source>
        <translation>找到 %1；系统文件系统必须为 ext3、ext4 或 NTFS。</translation>
    </message>
    <message>
        <source>Linux systems must use ext3 or ext4, Windows systems NTFS, on an MBR partition. Migrate the root file system (e.g. from XFS or LVM) to ext4 before importing.</source>
        <translation>Linux 系统必须使用 ext3 或 ext4，Windows 系统必须使用 NTFS，且均须位于 MBR 分区上。请在导入前将根文件系统（例如从 XFS 或 LVM）迁移到 ext4。</translation>
    </message>
    <message>
        <source>System file system: %1. Other file systems: %2.</source>
        <translation>系统文件系统：%1。其他文件系统：%2。</translation>
    </message>
    <message>
        <source>Only ext3, ext4 and NTFS are supported; the other partitions may not mount after import. Move their data to an ext4 partition or a data disk.</source>
        <translation>仅支持 ext3、ext4 和 NTFS；导入后其他分区可能无法挂载。请将其中的数据迁移到 ext4 分区或数据盘。</translation>
    </message>
    <message>
        <source>Found %1.</source>
        <translation>找到 %1。</translation>
    </message>
    <message>
        <source>The disk has no partitions and no file system: it is empty or a data disk.</source>
        <translation>磁盘既没有分区也没有文件系统：它是空盘或数据盘。</translation>
    </message>
    <message>
        <source>Import only system disks (the disk the operating system boots from). Attach data disks to the instance separately.</source>
        <translation>请仅导入系统盘（即操作系统从中启动的磁盘）。数据盘请单独挂载到实例。</translation>
    </message>
    <message>
        <source>No partition is marked bootable and the MBR holds no boot code: this looks like a data disk.</source>
        <translation>没有分区被标记为可启动，且 MBR 中没有引导代码：这看起来是一块数据盘。</translation>
    </message>
    <message>
        <source>Import only system disks. If this is the system disk, install a boot loader.</source>
        <translation>请仅导入系统盘。如果这是系统盘，请安装引导程序。</translation>
    </message>
    <message>
        <source>The disk looks like a system disk (boot code or a bootable partition). The operating system check confirms it.</source>
        <translation>该磁盘看起来是系统盘（有引导代码或可启动分区），操作系统检查项会进一步确认。</translation>
    </message>
    <message>
        <source>System disk size</source>
        <translation>系统盘大小</translation>
    </message>
    <message>
        <source>MBR partition table</source>
        <translation>MBR 分区表</translation>
    </message>
    <message>
        <source>Boot loader in the MBR</source>
        <translation>MBR 中的引导程序</translation>
    </message>
    <message>
        <source>File system (ext3, ext4 or NTFS)</source>
        <translation>文件系统（ext3、ext4 或 NTFS）</translation>
    </message>
    <message>
        <source>System disk, not a data disk</source>
        <translation>系统盘（而非数据盘）</translation>
    </message>
    <message>
        <source>%1 found on %2 (%3).</source>
        <translation>找到 %1，位于%2（%3）。</translation>
    </message>
    <message>
        <source>No operating system could be read: %1.</source>
        <translation>无法读取操作系统：%1。</translation>
    </message>
    <message>
        <source>Move the root file system out of LVM onto a plain ext4 partition (e.g. copy it with rsync to a new partition, update /etc/fstab and the boot loader), then export again.</source>
        <translation>请将根文件系统从 LVM 迁移到普通的 ext4 分区（例如用 rsync 复制到新分区，并更新 /etc/fstab 和引导程序），然后重新导出。</translation>
    </message>
    <message>
        <source>Use an ext3 or ext4 root file system (Linux) or NTFS (Windows), unencrypted, on an MBR partition.</source>
        <translation>请使用位于 MBR 分区上、未加密的 ext3 或 ext4 根文件系统（Linux）或 NTFS（Windows）。</translation>
    </message>
    <message>
        <source>No operating system was found on any partition: this looks like a data disk.</source>
        <translation>所有分区上均未找到操作系统：这看起来是一块数据盘。</translation>
    </message>
    <message>
        <source>Tencent Cloud imports system disks only. Export the disk the operating system boots from; attach data disks to the instance separately.</source>
        <translation>腾讯云仅支持导入系统盘。请导出操作系统从中启动的磁盘；数据盘请单独挂载到实例。</translation>
    </message>
    <message>
        <source>%1 (%2).</source>
        <translation>%1（%2）。</translation>
    </message>
    <message>
        <source>%1 is not among the Windows versions that can be imported (%2).</source>
        <translation>%1 不在可导入的 Windows 版本之列（%2）。</translation>
    </message>
    <message>
        <source>Importable Windows versions: %1.</source>
        <translation>可导入的 Windows 版本：%1。</translation>
    </message>
    <message>
        <source>%1 %2, one of the supported distributions (%3).</source>
        <translation>%1 %2，属于支持的发行版（%3）。</translation>
    </message>
    <message>
        <source>%1 is not among the distributions Tencent Cloud imports (%2).</source>
        <translation>%1 不在腾讯云支持导入的发行版之列（%2）。</translation>
    </message>
    <message>
        <source>Supported: %1. Import it anyway with &quot;Force&quot; only if you know it boots on KVM with virtio; choose OsType &quot;Other Linux&quot;.</source>
        <translation>支持的发行版：%1。仅当您确定它能在使用 virtio 的 KVM 上启动时，才可通过“Force”强制导入，并将 OsType 选为“Other Linux”。</translation>
    </message>
    <message>
        <source>The architecture could not be read from the guest&apos;s binaries.</source>
        <translation>无法从客户机的二进制文件中读取架构。</translation>
    </message>
    <message>
        <source>The system is built for %1 (%2); this rule set imports %3 only.</source>
        <translation>该系统是为 %1 构建的（%2）；此规则集仅支持导入 %3。</translation>
    </message>
    <message>
        <source>Tencent Cloud imports 64-bit Windows only: install a 64-bit Windows Server and export that disk.</source>
        <translation>腾讯云仅支持导入 64 位 Windows：请安装 64 位 Windows Server 并导出该磁盘。</translation>
    </message>
    <message>
        <source>Use a %1 build of the distribution; an ARM system cannot run on x86 instances.</source>
        <translation>请使用该发行版的 %1 版本；ARM 系统无法在 x86 实例上运行。</translation>
    </message>
    <message>
        <source>No kernel was found in /boot or /lib/modules.</source>
        <translation>在 /boot 或 /lib/modules 中未找到内核。</translation>
    </message>
    <message>
        <source>Make sure /boot is part of the exported disk (a separate /boot partition must be on the same disk).</source>
        <translation>请确保 /boot 包含在导出的磁盘中（独立的 /boot 分区必须位于同一磁盘上）。</translation>
    </message>
    <message>
        <source>Kernel %1 (%2) is the distribution&apos;s own build.</source>
        <translation>内核 %1（%2）是发行版官方构建的内核。</translation>
    </message>
    <message>
        <source>Kernel %1 (%2) does not look like the distribution&apos;s own build (expected %3).</source>
        <translation>内核 %1（%2）看起来不是发行版官方构建的内核（应为 %3）。</translation>
    </message>
    <message>
        <source>Native kernels are preferred: a modified kernel can make the import fail. Install the distribution&apos;s kernel package, make it the default, and export again.</source>
        <translation>建议使用原生内核：修改过的内核可能导致导入失败。请安装发行版的内核软件包，将其设为默认内核，然后重新导出。</translation>
    </message>
    <message>
        <source>Not Red Hat Enterprise Linux: no licence needed.</source>
        <translation>不是 Red Hat Enterprise Linux：无需许可证。</translation>
    </message>
    <message>
        <source>Red Hat Enterprise Linux %1 (%2): the import requires your own licence (BYOL).</source>
        <translation>Red Hat Enterprise Linux %1（%2）：导入需要您自带许可证（BYOL）。</translation>
    </message>
    <message>
        <source>Have a Red Hat subscription for the instance; the import form will set LicenseType to BYOL.</source>
        <translation>请为实例准备 Red Hat 订阅；导入表单会将 LicenseType 设为 BYOL。</translation>
    </message>
    <message>
        <source>%1: imported Windows images get no Windows activation service from Tencent Cloud.</source>
        <translation>%1：导入的 Windows 镜像不享有腾讯云提供的 Windows 激活服务。</translation>
    </message>
    <message>
        <source>Activate Windows with your own licence (KMS or MAK) after the instance starts.</source>
        <translation>请在实例启动后使用您自己的许可证（KMS 或 MAK）激活 Windows。</translation>
    </message>
    <message>
        <source>Operating system found</source>
        <translation>已找到操作系统</translation>
    </message>
    <message>
        <source>Supported operating system</source>
        <translation>支持的操作系统</translation>
    </message>
    <message>
        <source>32-bit or 64-bit x86</source>
        <translation>32 位或 64 位 x86</translation>
    </message>
    <message>
        <source>Native kernel</source>
        <translation>原生内核</translation>
    </message>
    <message>
        <source>Red Hat licence (BYOL)</source>
        <translation>Red Hat 许可证（BYOL）</translation>
    </message>
    <message>
        <source>Windows activation</source>
        <translation>Windows 激活</translation>
    </message>
    <message>
        <source>Not checked: the image could not be read.</source>
        <translation>未检查：无法读取镜像。</translation>
    </message>
    <message>
        <source>Not read within the time limit of %1 s: %2.</source>
        <translation>未在 %1 秒的时限内读取：%2。</translation>
    </message>
    <message>
        <source>Check again with a longer limit: `cvm-import check --inspect-timeout SECONDS IMAGE`, or Settings… &gt; Image check &gt; Inspection time limit in the wizard.</source>
        <translation>请使用更长的时限重新检查：`cvm-import check --inspect-timeout SECONDS IMAGE`，或在向导中通过“设置… &gt; 镜像检查 &gt; 检查时限”调整。</translation>
    </message>
    <message>
        <source>the partition table</source>
        <translation>分区表</translation>
    </message>
    <message>
        <source>the search for the operating system</source>
        <translation>查找操作系统</translation>
    </message>
    <message>
        <source>the system&apos;s binaries (architecture)</source>
        <translation>系统的二进制文件（架构）</translation>
    </message>
    <message>
        <source>the kernels and their modules</source>
        <translation>内核及其模块</translation>
    </message>
    <message>
        <source>the initramfs</source>
        <translation>initramfs</translation>
    </message>
    <message>
        <source>the Windows drivers</source>
        <translation>Windows 驱动</translation>
    </message>
    <message>
        <source>the network configuration</source>
        <translation>网络配置</translation>
    </message>
    <message>
        <source>/etc/fstab</source>
        <translation>/etc/fstab</translation>
    </message>
    <message>
        <source>the cloud-init installation</source>
        <translation>cloud-init 安装</translation>
    </message>
    <message>
        <source>virtio_blk is in %1, the initramfs of kernel %2 (read from /boot; the root file system, with the kernel&apos;s modules, could not be read).</source>
        <translation>virtio_blk 在内核 %2 的 initramfs %1 中（从 /boot 读取；根文件系统及其中的内核模块无法读取）。</translation>
    </message>
    <message>
        <source>The initramfs %1 of kernel %2 does not contain virtio_blk; whether the kernel has it built in cannot be told without the root file system.</source>
        <translation>内核 %2 的 initramfs %1 中没有 virtio_blk；没有根文件系统，无法判断内核是否内置了它。</translation>
    </message>
    <message>
        <source>Rebuild the initramfs with the virtio drivers (`dracut -f --add-drivers &quot;virtio_blk virtio_pci virtio_net&quot;`) unless the kernel has them built in.</source>
        <translation>除非内核已内置 virtio 驱动，否则请带上这些驱动重建 initramfs（`dracut -f --add-drivers &quot;virtio_blk virtio_pci virtio_net&quot;`）。</translation>
    </message>
    <message>
        <source>Kernel %1 was found in /boot, but its initramfs could not be read (%2) and the root file system could not be read either.</source>
        <translation>在 /boot 中找到了内核 %1，但无法读取其 initramfs（%2），根文件系统也无法读取。</translation>
    </message>
    <message>
        <source>%1 (/boot)</source>
        <translation>%1（/boot）</translation>
    </message>
    <message>
        <source>Root file system: %1 on %2.</source>
        <translation>根文件系统：%2 上的 %1。</translation>
    </message>
    <message>
        <source>Root file system: %1 on %2. Other file systems: %3.</source>
        <translation>根文件系统：%2 上的 %1。其他文件系统：%3。</translation>
    </message>
    <message>
        <source>The root file system is %1 in %2: the import needs ext3 or ext4 on a plain MBR partition, not inside LVM.</source>
        <translation>根文件系统是位于%2中的 %1：导入需要普通 MBR 分区上的 ext3 或 ext4，而不是在 LVM 中。</translation>
    </message>
    <message>
        <source>The root file system is %1 on %2: the import needs ext3 or ext4.</source>
        <translation>根文件系统是%2上的 %1：导入需要 ext3 或 ext4。</translation>
    </message>
    <message>
        <source>Also: %1.</source>
        <translation>另外：%1。</translation>
    </message>
    <message>
        <source>Inside the machine, add an ext4 partition (`mkfs.ext4`), copy the root to it (`rsync -aAXH --one-file-system / /mnt/new/`), point /etc/fstab and the kernel&apos;s root= at its UUID, rebuild the initramfs (`dracut -f`) and the GRUB configuration (`grub2-mkconfig -o /boot/grub2/grub.cfg`), and boot from it before exporting again.</source>
        <translation>在该机器内添加一个 ext4 分区（`mkfs.ext4`），把根目录复制过去（`rsync -aAXH --one-file-system / /mnt/new/`），让 /etc/fstab 和内核的 root= 指向它的 UUID，重建 initramfs（`dracut -f`）和 GRUB 配置（`grub2-mkconfig -o /boot/grub2/grub.cfg`），从它启动后再重新导出。</translation>
    </message>
    <message>
        <source>Move / out of %1 onto a plain ext4 partition; then %2 (the LVM physical volume) can go. %3</source>
        <translation>把 / 从%1迁移到普通的 ext4 分区；之后即可删除%2（LVM 物理卷）。%3</translation>
    </message>
    <message>
        <source>%1 cannot be converted from %2 to ext4 in place. %3</source>
        <translation>%1无法从 %2 原地转换为 ext4。%3</translation>
    </message>
    <message numerus="yes">
        <source>The separate /boot (%1) was read: %n kernel(s).</source>
        <translation>
            <numerusform>已读取独立的 /boot（%1）：%n 个内核。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The separate /boot (%1) was read: %n kernel(s), and its boot loader names %2.</source>
        <translation>
            <numerusform>已读取独立的 /boot（%1）：%n 个内核，其引导程序给出的系统为 %2。</numerusform>
        </translation>
    </message>
    <message>
        <source>Kernels were found in /boot, but the boot loader names no known distribution and the root file system could not be read.</source>
        <translation>在 /boot 中找到了内核，但引导程序没有给出已知的发行版名称，根文件系统也无法读取。</translation>
    </message>
    <message>
        <source>partition %1 (%2)</source>
        <translation>分区 %1（%2）</translation>
    </message>
    <message>
        <source>LVM volume %1</source>
        <translation>LVM 卷 %1</translation>
    </message>
    <message>
        <source>no file system on this disk has this UUID</source>
        <translation>此磁盘上没有文件系统具有此 UUID</translation>
    </message>
    <message>
        <source>no file system on this disk has this label</source>
        <translation>此磁盘上没有文件系统具有此卷标</translation>
    </message>
    <message>
        <source>no partition of this disk has this PARTUUID</source>
        <translation>此磁盘上没有分区具有此 PARTUUID</translation>
    </message>
    <message>
        <source>the virtio disk name</source>
        <translation>virtio 磁盘名称</translation>
    </message>
    <message>
        <source>the disk is /dev/vda under virtio</source>
        <translation>在 virtio 下磁盘为 /dev/vda</translation>
    </message>
    <message>
        <source>no LVM volume of this disk has this name</source>
        <translation>此磁盘上没有此名称的 LVM 卷</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>%1:%2 (default entry &quot;%3&quot;)</source>
        <translation>%1:%2（默认条目“%3”）</translation>
    </message>
    <message>
        <source>%1:%2 (entry &quot;%3&quot;)</source>
        <translation>%1:%2（条目“%3”）</translation>
    </message>
    <message>
        <source>No boot loader configuration was found (looked in %1).</source>
        <translation>未找到引导加载程序配置（已在 %1 中查找）。</translation>
    </message>
    <message>
        <source>Make sure /boot (and its grub.cfg) is on the exported disk.</source>
        <translation>请确保 /boot（及其中的 grub.cfg）位于导出的磁盘上。</translation>
    </message>
    <message>
        <source>The kernel will not find its root file system: %1.</source>
        <translation>内核将找不到其根文件系统：%1。</translation>
    </message>
    <message>
        <source>Name the root file system by UUID on the kernel command line (root=UUID=..., see `blkid`) in /etc/default/grub and the boot loader entries, then regenerate grub.cfg (grub2-mkconfig -o ... or update-grub).</source>
        <translation>请在 /etc/default/grub 和引导加载程序条目中，于内核命令行上通过 UUID 指定根文件系统（root=UUID=...，参见 `blkid`），然后重新生成 grub.cfg（grub2-mkconfig -o ... 或 update-grub）。</translation>
    </message>
    <message>
        <source>No kernel command line with root= was found in %1.</source>
        <translation>在 %1 中未找到带有 root= 的内核命令行。</translation>
    </message>
    <message>
        <source>root= could not be checked: %1.</source>
        <translation>无法检查 root=：%1。</translation>
    </message>
    <message>
        <source>root= names a file system of this disk: %1.</source>
        <translation>root= 指定的是此磁盘上的文件系统：%1。</translation>
    </message>
    <message>
        <source>File systems needed at boot are not on this disk; the instance stops in emergency mode: %1.</source>
        <translation>启动所需的文件系统不在此磁盘上，实例将停在紧急模式：%1。</translation>
    </message>
    <message>
        <source>Correct the UUID or label (see `blkid`), or add nofail to the entry&apos;s options when it is another disk, or remove the line.</source>
        <translation>请更正 UUID 或卷标（参见 `blkid`）；如果该条目属于其他磁盘，请在其选项中添加 nofail；或删除该行。</translation>
    </message>
    <message>
        <source>No /etc/fstab entry names a file system by UUID or label.</source>
        <translation>/etc/fstab 中没有通过 UUID 或卷标指定文件系统的条目。</translation>
    </message>
    <message>
        <source>Every file system /etc/fstab names by UUID or label is on this disk: %1.</source>
        <translation>/etc/fstab 通过 UUID 或卷标指定的文件系统均位于此磁盘上：%1。</translation>
    </message>
    <message>
        <source>Not on this disk, but swap or marked nofail or noauto (the boot goes on without them): %1.</source>
        <translation>不在此磁盘上，但为 swap 或已标记 nofail 或 noauto（缺少它们时仍会继续启动）：%1。</translation>
    </message>
    <message>
        <source>%1 (a network file system)</source>
        <translation>%1（网络文件系统）</translation>
    </message>
    <message>
        <source>%1 (another disk)</source>
        <translation>%1（其他磁盘）</translation>
    </message>
    <message>
        <source>/etc/fstab mounts no network file system or other disk without nofail.</source>
        <translation>/etc/fstab 中没有未设置 nofail 的网络文件系统或其他磁盘挂载。</translation>
    </message>
    <message>
        <source>Only the system disk is imported, and the network may not be up when these are mounted: without nofail the instance stops in emergency mode: %1.</source>
        <translation>只会导入系统盘，且挂载这些文件系统时网络可能尚未就绪：如果没有 nofail，实例将停在紧急模式：%1。</translation>
    </message>
    <message>
        <source>Add nofail to these entries&apos; options (and _netdev to network file systems), or mount them after the first boot.</source>
        <translation>请在这些条目的选项中添加 nofail（网络文件系统还需添加 _netdev），或在首次启动后再挂载它们。</translation>
    </message>
    <message>
        <source>The kernel&apos;s root= is on this disk</source>
        <translation>内核的 root= 位于此磁盘上</translation>
    </message>
    <message>
        <source>/etc/fstab names file systems of this disk</source>
        <translation>/etc/fstab 指定的是此磁盘上的文件系统</translation>
    </message>
    <message>
        <source>Network and other disks&apos; mounts have nofail</source>
        <translation>网络和其他磁盘的挂载设置了 nofail</translation>
    </message>
    <message>
        <source>the whole disk</source>
        <translation>整个磁盘</translation>
    </message>
    <message>
        <source>partition %1</source>
        <translation>分区 %1</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <source>%1: state &quot;%2&quot;, %3 error(s) recorded</source>
        <translation>%1：状态为“%2”，已记录 %3 个错误</translation>
    </message>
    <message>
        <source>, the first on %1</source>
        <translation>，首次发生于 %1</translation>
    </message>
    <message>
        <source> in %1</source>
        <translation> （函数 %1）</translation>
    </message>
    <message>
        <source>the journal needs recovery (needs_recovery)</source>
        <translation>日志需要恢复（needs_recovery）</translation>
    </message>
    <message>
        <source>state &quot;%1&quot;</source>
        <translation>状态为“%1”</translation>
    </message>
    <message>
        <source>orphan inodes left to clean up (first inode %1)</source>
        <translation>有待清理的孤立 inode（第一个 inode 为 %1）</translation>
    </message>
    <message>
        <source>; last mounted %1 on %2</source>
        <translation>；上次于 %1 挂载到 %2</translation>
    </message>
    <message>
        <source>%1: only the state of ext2/3/4 file systems is read</source>
        <translation>%1：仅读取 ext2/3/4 文件系统的状态</translation>
    </message>
    <message>
        <source>%1: its super block was not read</source>
        <translation>%1：未读取其超级块</translation>
    </message>
    <message>
        <source>%1: clean, mounted %2 time(s) since its last check on %3</source>
        <translation>%1：状态正常，自上次检查（%3）以来已挂载 %2 次</translation>
    </message>
    <message>
        <source>%1. fsck at boot stops on these errors and leaves the instance in emergency mode.</source>
        <translation>%1。启动时 fsck 遇到这些错误会停止，使实例停在紧急模式。</translation>
    </message>
    <message>
        <source>In the source VM, check the file system while it is not mounted: `e2fsck -f %1` (a partition&apos;s name depends on the source VM&apos;s disk controller: sda, vda, ...) from a rescue system, or schedule it for the next boot (`touch /forcefsck`, or `fsck.mode=force` on the kernel command line for one boot with systemd), reboot, shut the VM down cleanly and export the disk again.</source>
        <translation>请在源虚拟机中，于文件系统未挂载时检查它：从救援系统运行 `e2fsck -f %1`（分区名称取决于源虚拟机的磁盘控制器：sda、vda 等），或安排在下次启动时检查（`touch /forcefsck`；使用 systemd 时也可在内核命令行中添加 `fsck.mode=force`，仅对一次启动生效），然后重启，正常关闭虚拟机并重新导出磁盘。</translation>
    </message>
    <message>
        <source>%1. The image was taken while the system ran (or after a crash): the first boot replays the journal, and files written last may be missing.</source>
        <translation>%1。镜像是在系统运行期间（或崩溃后）制作的：首次启动时将重放日志，最后写入的文件可能丢失。</translation>
    </message>
    <message>
        <source>Boot the source VM once and shut it down cleanly (`poweroff`), then export the disk again; never export a running VM&apos;s disk or a crash-consistent snapshot.</source>
        <translation>请启动源虚拟机一次并正常关机（`poweroff`），然后重新导出磁盘；切勿导出正在运行的虚拟机的磁盘或崩溃一致性快照。</translation>
    </message>
    <message>
        <source>Not applicable: %1.</source>
        <translation>不适用：%1。</translation>
    </message>
    <message>
        <source>The root file system was not located on the disk.</source>
        <translation>未在磁盘上找到根文件系统。</translation>
    </message>
    <message>
        <source>%1: free space is only read from ext2/3/4 super blocks.</source>
        <translation>%1：仅从 ext2/3/4 超级块读取可用空间。</translation>
    </message>
    <message>
        <source>%1: the super block&apos;s block counts do not hold together (%2 blocks of %3 bytes, %4 free).</source>
        <translation>%1：超级块中的块计数不一致（%2 个块，每块 %3 字节，%4 个空闲）。</translation>
    </message>
    <message>
        <source>%1: %2 MiB free of %3 MiB, %4 MiB (%5%) of them to users other than root (%6 MiB reserved for root)</source>
        <translation>%1：%3 MiB 中有 %2 MiB 可用，其中 %4 MiB（%5%）可供 root 以外的用户使用（为 root 保留 %6 MiB）</translation>
    </message>
    <message>
        <source> (as of the last journal commit: the file system was not cleanly unmounted)</source>
        <translation> （截至最后一次日志提交：文件系统未正常卸载）</translation>
    </message>
    <message>
        <source>In the source VM, free at least %1 MiB on /: `%2` empties the package cache; remove old kernels and logs (`journalctl --vacuum-size=100M`, /var/log/*.gz); or grow the disk and the file system (growpart, resize2fs). Then export the disk again.</source>
        <translation>请在源虚拟机中，在 / 上释放至少 %1 MiB 空间：`%2` 可清空软件包缓存；删除旧内核和日志（`journalctl --vacuum-size=100M`、/var/log/*.gz）；或扩容磁盘和文件系统（growpart、resize2fs）。然后重新导出磁盘。</translation>
    </message>
    <message>
        <source>%1. Under %2 MiB: the import cannot write /etc/qcloud-network-config.ini and cloud-init cannot write its state, so the instance comes up without its network configuration.</source>
        <translation>%1。低于 %2 MiB 时，导入过程无法写入 /etc/qcloud-network-config.ini，cloud-init 也无法写入其状态，因此实例启动后将没有网络配置。</translation>
    </message>
    <message>
        <source>%1. Under %2% free: services and logs fill it soon after the first boot.</source>
        <translation>%1。可用空间低于 %2% 时，首次启动后不久，服务和日志就会将其占满。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 has %2</source>
        <translation>%1 启用了 %2</translation>
    </message>
    <message>
        <source>%1. The kernel mounts it, but e2fsprogs older than 1.43 (CentOS 7&apos;s 1.42.9), which a conversion or injection tool may run, cannot check or write it.</source>
        <translation>%1。内核可以挂载它，但转换或注入工具可能运行的 1.43 之前的 e2fsprogs（如 CentOS 7 的 1.42.9）无法检查或写入它。</translation>
    </message>
    <message>
        <source>Only if such a tool will write the disk: on the unmounted file system, `tune2fs -O ^metadata_csum,^metadata_csum_seed,^orphan_file DEVICE` then `e2fsck -f DEVICE` (a recent e2fsprogs); inline_data, encrypt, casefold, ea_inode, large_dir and verity cannot be turned off: copy the files to a file system made with `mkfs.ext4 -O ^FEATURE`.</source>
        <translation>仅当此类工具会写入磁盘时才需处理：在未挂载的文件系统上运行 `tune2fs -O ^metadata_csum,^metadata_csum_seed,^orphan_file DEVICE`，然后运行 `e2fsck -f DEVICE`（需较新的 e2fsprogs）；inline_data、encrypt、casefold、ea_inode、large_dir 和 verity 无法关闭：请将文件复制到使用 `mkfs.ext4 -O ^FEATURE` 创建的文件系统中。</translation>
    </message>
    <message>
        <source>No feature newer than e2fsprogs 1.42.9: %1.</source>
        <translation>没有比 e2fsprogs 1.42.9 更新的特性：%1。</translation>
    </message>
    <message>
        <source>File systems cleanly unmounted, no errors</source>
        <translation>文件系统已正常卸载，无错误</translation>
    </message>
    <message>
        <source>Free space on /</source>
        <translation>/ 的可用空间</translation>
    </message>
    <message>
        <source>ext4 features older tools can write</source>
        <translation>旧版工具可写入的 ext4 特性</translation>
    </message>
    <message>
        <source>No network interface is configured statically; the cloud configures eth0 on first boot.</source>
        <translation>没有静态配置的网卡；首次启动时，云平台会配置 eth0。</translation>
    </message>
    <message>
        <source>No configured interface has a static IPv4 address.</source>
        <translation>已配置的网卡均没有静态 IPv4 地址。</translation>
    </message>
    <message>
        <source>Several interfaces are configured and none is eth0; static addresses: %1.</source>
        <translation>配置了多个网卡，但没有一个是 eth0；静态地址：%1。</translation>
    </message>
    <message>
        <source>Keep one interface, named eth0, configured by DHCP.</source>
        <translation>请仅保留一个名为 eth0 的网卡，并通过 DHCP 配置。</translation>
    </message>
    <message>
        <source>%1 takes its address by DHCP (%2).</source>
        <translation>%1 通过 DHCP 获取地址（%2）。</translation>
    </message>
    <message>
        <source>%1 has a static IPv4 address: %2: %3. The instance would come up with an address its VPC does not route, and cannot be reached.</source>
        <translation>%1 配置了静态 IPv4 地址：%2：%3。实例启动后将使用其 VPC 不路由的地址，因而无法访问。</translation>
    </message>
    <message>
        <source>Configure it by DHCP (BOOTPROTO=dhcp, `inet dhcp`, `dhcp4: true`, method=auto or DHCP=ipv4) before exporting.</source>
        <translation>请在导出前将其改为通过 DHCP 配置（BOOTPROTO=dhcp、`inet dhcp`、`dhcp4: true`、method=auto 或 DHCP=ipv4）。</translation>
    </message>
    <message>
        <source>SELinux is not configured (no SELINUX= in %1).</source>
        <translation>未配置 SELinux（%1 中没有 SELINUX=）。</translation>
    </message>
    <message>
        <source>SELinux is disabled (%1: %2).</source>
        <translation>SELinux 已禁用（%1：%2）。</translation>
    </message>
    <message>
        <source>%1: %2: the policy /etc/selinux/%3/policy is missing, but a permissive system boots without it.</source>
        <translation>%1：%2：策略 /etc/selinux/%3/policy 缺失，但处于 permissive 模式的系统没有它也能启动。</translation>
    </message>
    <message>
        <source>%1: %2 %3, but /etc/selinux/%4/policy is missing: the boot stops with &quot;Failed to load SELinux policy&quot;.</source>
        <translation>%1：%2 %3，但 /etc/selinux/%4/policy 缺失：启动将因“Failed to load SELinux policy”而停止。</translation>
    </message>
    <message>
        <source>Install the policy package (selinux-policy-%1) or set SELINUX=permissive in %2.</source>
        <translation>请安装策略软件包（selinux-policy-%1），或在 %2 中设置 SELINUX=permissive。</translation>
    </message>
    <message>
        <source>%1: %2, and /.autorelabel is pending: the first boot relabels every file and reboots, which takes long on a large disk.</source>
        <translation>%1：%2，且 /.autorelabel 待处理：首次启动时将重新标记所有文件并重启，在大磁盘上耗时较长。</translation>
    </message>
    <message>
        <source>Boot the source system once so the relabel completes, then export again.</source>
        <translation>请启动源系统一次以完成重新标记，然后重新导出。</translation>
    </message>
    <message>
        <source>SELinux is %1 with its %2 policy present (%3).</source>
        <translation>SELinux 处于 %1 模式，其 %2 策略存在（%3）。</translation>
    </message>
    <message>
        <source>The hardware clock keeps UTC (/etc/adjtime: %1).</source>
        <translation>硬件时钟使用 UTC（/etc/adjtime：%1）。</translation>
    </message>
    <message>
        <source>The hardware clock keeps UTC (no LOCAL in /etc/adjtime).</source>
        <translation>硬件时钟使用 UTC（/etc/adjtime 中没有 LOCAL）。</translation>
    </message>
    <message>
        <source>/etc/adjtime: %1: the system reads the hardware clock as local time, but the cloud&apos;s clock is UTC: the instance&apos;s time is off by the zone offset.</source>
        <translation>/etc/adjtime：%1：系统将硬件时钟视为本地时间，但云平台的时钟为 UTC：实例的时间将偏差一个时区偏移量。</translation>
    </message>
    <message>
        <source>Change LOCAL to UTC on the third line of /etc/adjtime (`timedatectl set-local-rtc 0`).</source>
        <translation>请将 /etc/adjtime 第三行的 LOCAL 改为 UTC（`timedatectl set-local-rtc 0`）。</translation>
    </message>
    <message>
        <source>No kernel was found.</source>
        <translation>未找到内核。</translation>
    </message>
    <message>
        <source>Only /boot could be read: the modules of kernel %1 are out of reach.</source>
        <translation>只能读取 /boot：无法访问内核 %1 的模块。</translation>
    </message>
    <message>
        <source>Kernel %1 has no %2 driver: newer instance types (virtio-scsi and NVMe disks) cannot boot it.</source>
        <translation>内核 %1 没有 %2 驱动：较新的实例类型（使用 virtio-scsi 和 NVMe 磁盘）无法启动该内核。</translation>
    </message>
    <message>
        <source>Boot a distribution kernel that has these drivers.</source>
        <translation>请使用带有这些驱动的发行版内核启动。</translation>
    </message>
    <message>
        <source>Kernel %1 has %2 as modules, but its initramfs %3 does not contain them: on newer instance types the system disk is not found at boot.</source>
        <translation>内核 %1 以模块形式包含 %2，但其 initramfs %3 中不包含它们：在较新的实例类型上，启动时将找不到系统盘。</translation>
    </message>
    <message>
        <source>Rebuild the initramfs with them (`dracut -f --add-drivers &quot;%1&quot;`, or add them to /etc/initramfs-tools/modules and run update-initramfs -u).</source>
        <translation>请加入这些驱动重新生成 initramfs（`dracut -f --add-drivers &quot;%1&quot;`，或将它们添加到 /etc/initramfs-tools/modules 并运行 update-initramfs -u）。</translation>
    </message>
    <message>
        <source>growpart is installed (%1) and cloud-init runs it (/etc/cloud/cloud.cfg: %2).</source>
        <translation>已安装 growpart（%1），且 cloud-init 会运行它（/etc/cloud/cloud.cfg：%2）。</translation>
    </message>
    <message>
        <source>growpart is installed (%1).</source>
        <translation>已安装 growpart（%1）。</translation>
    </message>
    <message>
        <source>cloud-init&apos;s growpart module is configured (/etc/cloud/cloud.cfg: %1), but the growpart program is not installed.</source>
        <translation>已配置 cloud-init 的 growpart 模块（/etc/cloud/cloud.cfg：%1），但未安装 growpart 程序。</translation>
    </message>
    <message>
        <source>Neither growpart nor cloud-init&apos;s growpart module is installed: a system disk larger than the image stays at the image&apos;s size until the partition is grown by hand.</source>
        <translation>既未安装 growpart，也未安装 cloud-init 的 growpart 模块：如果系统盘大于镜像，其分区将保持镜像的大小，直到手动扩容分区。</translation>
    </message>
    <message>
        <source>Install cloud-utils-growpart (cloud-guest-utils on Debian and Ubuntu) and cloud-init before exporting.</source>
        <translation>请在导出前安装 cloud-utils-growpart（Debian 和 Ubuntu 上为 cloud-guest-utils）和 cloud-init。</translation>
    </message>
    <message>
        <source>eth0 by DHCP</source>
        <translation>eth0 通过 DHCP 配置</translation>
    </message>
    <message>
        <source>SELinux can boot</source>
        <translation>SELinux 不阻止启动</translation>
    </message>
    <message>
        <source>Hardware clock in UTC</source>
        <translation>硬件时钟使用 UTC</translation>
    </message>
    <message>
        <source>virtio-scsi and NVMe drivers</source>
        <translation>virtio-scsi 和 NVMe 驱动</translation>
    </message>
    <message>
        <source>Online disk resize</source>
        <translation>磁盘在线扩容</translation>
    </message>
    <message>
        <source>the boot loader configuration</source>
        <translation>引导加载程序配置</translation>
    </message>
    <message>
        <source>the SELinux, clock and resize configuration</source>
        <translation>SELinux、时钟和扩容配置</translation>
    </message>
    <message>
        <source>the Windows remote access and setup state</source>
        <translation>Windows 远程访问和安装状态</translation>
    </message>
    <message>
        <source>Not checked: the registry has no control set to read.</source>
        <translation>未检查：注册表中没有可读取的控制集。</translation>
    </message>
    <message>
        <source>Remote Desktop is disabled (%1): the instance cannot be reached except through the VNC console.</source>
        <translation>远程桌面已禁用（%1）：除 VNC 控制台外无法访问实例。</translation>
    </message>
    <message>
        <source>Group Policy turns Remote Desktop off: set &quot;Allow users to connect remotely by using Remote Desktop Services&quot; to Enabled (gpedit.msc) or remove the policy before exporting.</source>
        <translation>组策略关闭了远程桌面：请在导出前将“允许用户通过使用远程桌面服务进行远程连接”设置为“已启用”（gpedit.msc），或删除该策略。</translation>
    </message>
    <message>
        <source>Enable Remote Desktop (System Properties &gt; Remote, or set fDenyTSConnections to 0) before exporting.</source>
        <translation>请在导出前启用远程桌面（系统属性 &gt; 远程，或将 fDenyTSConnections 设置为 0）。</translation>
    </message>
    <message>
        <source>Whether Remote Desktop is enabled is not recorded (%1).</source>
        <translation>未记录是否已启用远程桌面（%1）。</translation>
    </message>
    <message>
        <source>Make sure Remote Desktop is enabled before exporting.</source>
        <translation>请确保在导出前已启用远程桌面。</translation>
    </message>
    <message>
        <source>Remote Desktop is enabled (%1).</source>
        <translation>远程桌面已启用（%1）。</translation>
    </message>
    <message>
        <source>No firewall policy in the registry (%1).</source>
        <translation>注册表中没有防火墙策略（%1）。</translation>
    </message>
    <message>
        <source>The firewall is off for every profile (%1).</source>
        <translation>所有配置文件的防火墙均已关闭（%1）。</translation>
    </message>
    <message>
        <source>The Remote Desktop rule allows TCP 3389 (%1).</source>
        <translation>远程桌面规则允许 TCP 3389（%1）。</translation>
    </message>
    <message>
        <source>The firewall is on (%1) and no active rule allows Remote Desktop (TCP 3389): %2.</source>
        <translation>防火墙已开启（%1），且没有已启用的规则允许远程桌面（TCP 3389）：%2。</translation>
    </message>
    <message>
        <source>Enable the &quot;Remote Desktop&quot; rule group in Windows Firewall (`Enable-NetFirewallRule -DisplayGroup &quot;Remote Desktop&quot;`, or `netsh advfirewall firewall set rule group=&quot;remote desktop&quot; new enable=Yes`).</source>
        <translation>请在 Windows 防火墙中启用“远程桌面”规则组（`Enable-NetFirewallRule -DisplayGroup &quot;Remote Desktop&quot;`，或 `netsh advfirewall firewall set rule group=&quot;remote desktop&quot; new enable=Yes`）。</translation>
    </message>
    <message>
        <source>The SAN policy is %1 (%2): data disks attached to the instance come up offline and have to be brought online by hand.</source>
        <translation>SAN 策略为 %1（%2）：挂载到实例的数据盘将处于脱机状态，需要手动联机。</translation>
    </message>
    <message>
        <source>Run `diskpart` and `san policy=OnlineAll` (SanPolicy = 1) before exporting.</source>
        <translation>请在导出前运行 `diskpart` 并执行 `san policy=OnlineAll`（SanPolicy = 1）。</translation>
    </message>
    <message>
        <source>Windows&apos; default</source>
        <translation>Windows 默认值</translation>
    </message>
    <message>
        <source>The SAN policy (%1) keeps local disks online (%2).</source>
        <translation>SAN 策略（%1）使本地磁盘保持联机（%2）。</translation>
    </message>
    <message>
        <source>No reboot is pending (%1).</source>
        <translation>没有待处理的重启（%1）。</translation>
    </message>
    <message>
        <source>A reboot is pending: %1. The first boot in the cloud finishes the update first and may restart or stop at the console.</source>
        <translation>有待处理的重启：%1。在云上首次启动时将先完成更新，可能会重启或停在控制台。</translation>
    </message>
    <message>
        <source>Restart Windows, let it finish installing, shut it down cleanly and export again.</source>
        <translation>请重启 Windows，等待其完成安装，然后正常关机并重新导出。</translation>
    </message>
    <message>
        <source>the instance will wait at Windows Setup on the console and Remote Desktop will never answer</source>
        <translation>实例将在控制台停在 Windows 安装程序界面，远程桌面将始终无法连接</translation>
    </message>
    <message>
        <source>The image is undeployable (%1): %2.</source>
        <translation>该镜像无法部署（%1）：%2。</translation>
    </message>
    <message>
        <source>Sysprep did not finish: export the disk from a machine that was not generalized, or run sysprep again until it completes.</source>
        <translation>Sysprep 未完成：请从未经通用化的机器导出磁盘，或重新运行 sysprep 直至完成。</translation>
    </message>
    <message>
        <source>Windows Setup has not finished and there is no answer file (%1): %2.</source>
        <translation>Windows 安装程序尚未完成，且没有应答文件（%1）：%2。</translation>
    </message>
    <message>
        <source>Boot the machine once and finish Windows Setup (or generalize it with `sysprep /generalize /oobe /shutdown /unattend:FILE` and an answer file that completes OOBE) before exporting.</source>
        <translation>请在导出前启动该机器一次并完成 Windows 安装程序（或使用 `sysprep /generalize /oobe /shutdown /unattend:FILE` 和可完成 OOBE 的应答文件将其通用化）。</translation>
    </message>
    <message>
        <source>The image is generalized and will run Windows Setup on first boot with the answer file (%1); if the answer file does not complete OOBE the instance waits at the console.</source>
        <translation>该镜像已通用化，首次启动时将使用应答文件（%1）运行 Windows 安装程序；如果应答文件未完成 OOBE，实例将在控制台等待。</translation>
    </message>
    <message>
        <source>Make sure the answer file skips every OOBE page and enables Remote Desktop, or boot the machine once before exporting.</source>
        <translation>请确保应答文件跳过所有 OOBE 页面并启用远程桌面，或在导出前启动该机器一次。</translation>
    </message>
    <message>
        <source>Windows Setup is complete (%1).</source>
        <translation>Windows 安装程序已完成（%1）。</translation>
    </message>
    <message>
        <source>The virtio network driver is installed but disabled (%1): the instance has no network.</source>
        <translation>virtio 网卡驱动已安装但被禁用（%1）：实例将没有网络。</translation>
    </message>
    <message>
        <source>Set HKLM\SYSTEM\CurrentControlSet\Services\netkvm\Start to 3 (or re-run InstallQCloud.exe) before exporting.</source>
        <translation>请在导出前将 HKLM\SYSTEM\CurrentControlSet\Services\netkvm\Start 设置为 3（或重新运行 InstallQCloud.exe）。</translation>
    </message>
    <message>
        <source>netkvm is not disabled (%1).</source>
        <translation>netkvm 未被禁用（%1）。</translation>
    </message>
    <message>
        <source>netkvm is not installed (the virtio driver rule judges that).</source>
        <translation>未安装 netkvm（由 virtio 驱动规则判定）。</translation>
    </message>
    <message>
        <source>Remote Desktop enabled</source>
        <translation>远程桌面已启用</translation>
    </message>
    <message>
        <source>Remote Desktop allowed by the firewall</source>
        <translation>防火墙允许远程桌面</translation>
    </message>
    <message>
        <source>Data disks come up online</source>
        <translation>数据盘自动联机</translation>
    </message>
    <message>
        <source>No pending reboot</source>
        <translation>没有待处理的重启</translation>
    </message>
    <message>
        <source>Windows Setup finished</source>
        <translation>Windows 安装程序已完成</translation>
    </message>
    <message>
        <source>Virtio network driver enabled</source>
        <translation>virtio 网卡驱动已启用</translation>
    </message>
    <message>
        <source>Choose a system disk image in raw, qcow2, VHD, VMDK, VHDX or VDI format, or an OVA appliance.</source>
        <translation>请选择 raw、qcow2、VHD、VMDK、VHDX 或 VDI 格式的系统盘镜像，或 OVA 虚拟设备。</translation>
    </message>
    <message>
        <source>%1 is not imported as is: it will be converted to %2 during the upload (the image is %3).</source>
        <translation>%1 不会按原格式导入：上传过程中会将其转换为 %2（该镜像为 %3）。</translation>
    </message>
    <message>
        <source>Nothing to do: the wizard and `cvm-import upload` convert it while sending, without a temporary copy. To convert it yourself instead: `qemu-img convert -O %1 IMAGE disk.%1`.</source>
        <translation>无需任何操作：向导和 `cvm-import upload` 会在发送时进行转换，无需临时副本。如需自行转换，请运行：`qemu-img convert -O %1 IMAGE disk.%1`。</translation>
    </message>
</context>
<context>
    <name>cvmi::policy::FormSuggestion</name>
    <message>
        <source>No OsType is known for %1.</source>
        <translation>没有与 %1 对应的已知 OsType。</translation>
    </message>
    <message>
        <source>%1 is imported with your own licence (BYOL).</source>
        <translation>%1 需使用您自己的许可证（BYOL）导入。</translation>
    </message>
    <message>
        <source>No operating system was found: choose OsType and OsVersion by hand.</source>
        <translation>未找到操作系统：请手动选择 OsType 和 OsVersion。</translation>
    </message>
</context>
<context>
    <name>cvmi::policy::Policy</name>
    <message>
        <source>JSON error at byte %1: %2.</source>
        <translation>第 %1 字节处存在 JSON 错误：%2。</translation>
    </message>
    <message>
        <source>it uses schema %1, but this version reads schema %2.</source>
        <translation>该文件使用 schema %1，但此版本只能读取 schema %2。</translation>
    </message>
    <message>
        <source>&quot;id&quot; and &quot;version&quot; are required.</source>
        <translation>&quot;id&quot; 和 &quot;version&quot; 为必填项。</translation>
    </message>
    <message>
        <source>Cannot read the rule file %1: %2.</source>
        <translation>无法读取规则文件 %1：%2。</translation>
    </message>
    <message>
        <source>it is larger than 1 MiB.</source>
        <translation>文件大于 1 MiB。</translation>
    </message>
</context>
<context>
    <name>cvmi::policy::ReportHtml</name>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Not determined</source>
        <translation>无法确定</translation>
    </message>
    <message>
        <source>Whole disk</source>
        <translation>整个磁盘</translation>
    </message>
    <message>
        <source>Partition %1</source>
        <translation>分区 %1</translation>
    </message>
    <message>
        <source>%1, bootable</source>
        <translation>%1，可启动</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>no virtio drivers</source>
        <translation>无 virtio 驱动</translation>
    </message>
    <message>
        <source>virtio: %1</source>
        <translation>virtio：%1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>文件大小</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Virtual size</source>
        <translation>虚拟大小</translation>
    </message>
    <message>
        <source>Unreadable: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <source>None (one file system fills the disk)</source>
        <translation>无（整个磁盘为一个文件系统）</translation>
    </message>
    <message>
        <source>Partition table</source>
        <translation>分区表</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · on %4</source>
        <translation>%1 · %2 · %3 · 位于%4</translation>
    </message>
    <message>
        <source>Kernels</source>
        <translation>内核</translation>
    </message>
    <message>
        <source>none found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>not readable: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <source>Container notes</source>
        <translation>镜像格式提示</translation>
    </message>
    <message>
        <source>(not proposed)</source>
        <translation>（未给出建议值）</translation>
    </message>
    <message>
        <source>How to fix:</source>
        <translation>处理方法：</translation>
    </message>
    <message>
        <source>Image file</source>
        <translation>镜像文件</translation>
    </message>
    <message>
        <source>Disk layout</source>
        <translation>磁盘布局</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>Drivers</source>
        <translation>驱动</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>内核</translation>
    </message>
    <message>
        <source>Licensing</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Good practice</source>
        <translation>最佳实践</translation>
    </message>
    <message>
        <source>Import check: %1</source>
        <translation>导入检查：%1</translation>
    </message>
    <message>
        <source>Ready to import</source>
        <translation>可以导入</translation>
    </message>
    <message>
        <source>Importable: read the warnings</source>
        <translation>可以导入：请阅读警告</translation>
    </message>
    <message>
        <source>Not importable: %1 problems</source>
        <translation>不可导入：%1 个问题</translation>
    </message>
    <message>
        <source>Not importable: 1 problem</source>
        <translation>不可导入：1 个问题</translation>
    </message>
    <message>
        <source>passed: %1 of %2</source>
        <translation>通过：%1/%2</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>warnings: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>not determined: %1</source>
        <translation>无法确定：%1</translation>
    </message>
    <message>
        <source>Rules %1 %2 — %3.</source>
        <translation>规则 %1 %2 — %3。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>， </translation>
    </message>
    <message>
        <source>This file cannot be inspected</source>
        <translation>无法检查此文件</translation>
    </message>
    <message>
        <source>Error code: %1</source>
        <translation>错误码：%1</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Proposed import values</source>
        <translation>建议的导入参数</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Made by CVM Import Wizard. ✓ passed, ⚠ warning, ✗ failed, ? not determined.</source>
        <translation>由 CVM Import Wizard 生成。✓ 通过，⚠ 警告，✗ 失败，? 无法确定。</translation>
    </message>
    <message>
        <source>Logical volumes</source>
        <translation>逻辑卷</translation>
    </message>
    <message>
        <source>Boot</source>
        <translation>引导</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>Windows</translation>
    </message>
</context>
<context>
    <name>cvmi::repair::Fix</name>
    <message>
        <source>Boot the source VM once and shut it down cleanly (the journal is replayed at mount), then export the disk again.</source>
        <translation>请启动源虚拟机一次并正常关机（挂载时将重放日志），然后重新导出磁盘。</translation>
    </message>
    <message>
        <source>force a file system check at the next boot (/forcefsck)</source>
        <translation>在下次启动时强制检查文件系统（/forcefsck）</translation>
    </message>
    <message>
        <source>/forcefsck exists: the next boot checks the file systems</source>
        <translation>/forcefsck 已存在：下次启动时将检查文件系统</translation>
    </message>
    <message>
        <source>create /forcefsck: the next boot checks the file systems</source>
        <translation>创建 /forcefsck：下次启动时将检查文件系统</translation>
    </message>
    <message>
        <source>reboot now so fsck repairs the errors (on systemd without SysV compatibility, add fsck.mode=force to the kernel command line for that boot instead), then delete /forcefsck if it is still there, shut down cleanly and export the disk again; a root with fsck pass 0 in /etc/fstab is never checked at boot: run e2fsck -f from a rescue system then</source>
        <translation>请立即重启，让 fsck 修复错误（在没有 SysV 兼容的 systemd 系统上，请改为在该次启动的内核命令行中添加 fsck.mode=force），然后如果 /forcefsck 仍存在则将其删除，正常关机并重新导出磁盘；/etc/fstab 中 fsck pass 为 0 的根文件系统在启动时从不检查：这时请从救援系统运行 e2fsck -f</translation>
    </message>
    <message>
        <source>empty the package cache (%1 %2)</source>
        <translation>清空软件包缓存（%1 %2）</translation>
    </message>
    <message>
        <source>the package cache %1 is empty</source>
        <translation>软件包缓存 %1 已为空</translation>
    </message>
    <message>
        <source>empty the package manager&apos;s cache</source>
        <translation>清空软件包管理器的缓存</translation>
    </message>
    <message>
        <source>if / is still short of space, remove old kernels and logs (journalctl --vacuum-size=100M, /var/log/*.gz) or grow the disk and the file system</source>
        <translation>如果 / 的空间仍然不足，请删除旧内核和日志（journalctl --vacuum-size=100M、/var/log/*.gz），或扩容磁盘和文件系统</translation>
    </message>
    <message>
        <source>File system features can only be changed on the unmounted file system (tune2fs -O ^FEATURE DEVICE, then e2fsck -f DEVICE, from a rescue system); most matter only if an old e2fsprogs will write the disk.</source>
        <translation>文件系统特性只能在未挂载的文件系统上更改（从救援系统运行 tune2fs -O ^FEATURE DEVICE，然后运行 e2fsck -f DEVICE）；大多数特性仅在旧版 e2fsprogs 会写入磁盘时才有影响。</translation>
    </message>
    <message>
        <source>Repair script written by cvm-import %1 from the check of %2 (%3, rule file %4 %5).</source>
        <translation>修复脚本由 cvm-import %1 根据对 %2 的检查生成（%3，规则文件 %4 %5）。</translation>
    </message>
    <message>
        <source>Run it inside the source virtual machine, as %1, then shut the machine down cleanly, export the disk again and check it again.</source>
        <translation>请以%1身份在源虚拟机内运行此脚本，然后正常关闭该机器，重新导出磁盘并再次检查。</translation>
    </message>
    <message>
        <source>an administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>  powershell -ExecutionPolicy Bypass -File fix.ps1 -DryRun   shows what would change</source>
        <translation>  powershell -ExecutionPolicy Bypass -File fix.ps1 -DryRun   显示将要进行的更改</translation>
    </message>
    <message>
        <source>  powershell -ExecutionPolicy Bypass -File fix.ps1           changes it</source>
        <translation>  powershell -ExecutionPolicy Bypass -File fix.ps1           进行更改</translation>
    </message>
    <message>
        <source>  sh fix.sh --dry-run     shows what would change</source>
        <translation>  sh fix.sh --dry-run     显示将要进行的更改</translation>
    </message>
    <message>
        <source>  sh fix.sh               changes it</source>
        <translation>  sh fix.sh               进行更改</translation>
    </message>
    <message>
        <source>  sh fix.sh --root DIR    changes the system whose root is mounted at DIR instead</source>
        <translation>  sh fix.sh --root DIR    改为更改根目录挂载在 DIR 的系统</translation>
    </message>
    <message>
        <source>Every step checks first and changes only what is still wrong: running it twice is safe. Changed files are kept as they were under /var/backups/cvm-import/.</source>
        <translation>每个步骤都会先检查，只更改仍有问题之处：重复运行是安全的。被更改的文件会按原样保存在 /var/backups/cvm-import/ 下。</translation>
    </message>
    <message>
        <source>Not fixed by this script (do these by hand):</source>
        <translation>此脚本未修复的问题（请手动处理）：</translation>
    </message>
    <message>
        <source>Found: %1</source>
        <translation>发现：%1</translation>
    </message>
    <message>
        <source>Cannot write the repair script %1: %2.</source>
        <translation>无法写入修复脚本 %1：%2。</translation>
    </message>
    <message>
        <source>The root file system&apos;s UUID could not be told from this disk: set root=UUID=... (see `blkid`) on the kernel command line by hand.</source>
        <translation>无法从此磁盘确定根文件系统的 UUID：请手动在内核命令行中设置 root=UUID=...（参见 `blkid`）。</translation>
    </message>
    <message>
        <source>root= by UUID in the boot loader configuration</source>
        <translation>引导加载程序配置中通过 UUID 指定 root=</translation>
    </message>
    <message>
        <source>The disks /etc/fstab names by device are not partitions of this disk: name them by UUID by hand, or add nofail.</source>
        <translation>/etc/fstab 通过设备名指定的磁盘不是此磁盘的分区：请手动改为通过 UUID 指定，或添加 nofail。</translation>
    </message>
    <message>
        <source>/etc/fstab by UUID</source>
        <translation>/etc/fstab 使用 UUID</translation>
    </message>
    <message>
        <source>/etc/fstab names %1 by a UUID or label that is on no file system of this disk: correct it by hand (see `blkid`).</source>
        <translation>/etc/fstab 通过 UUID 或卷标指定的 %1 不在此磁盘的任何文件系统上：请手动更正（参见 `blkid`）。</translation>
    </message>
    <message>
        <source>nofail on mounts that may be absent (/etc/fstab)</source>
        <translation>可能不存在的挂载设置 nofail（/etc/fstab）</translation>
    </message>
    <message>
        <source>Keep one interface, eth0, configured by DHCP (which one is your choice).</source>
        <translation>请仅保留一个网卡 eth0，并通过 DHCP 配置（保留哪一个由您决定）。</translation>
    </message>
    <message>
        <source>Configure %1 by DHCP in %2.</source>
        <translation>请在 %2 中将 %1 配置为通过 DHCP 获取地址。</translation>
    </message>
    <message>
        <source>%1 by DHCP in %2</source>
        <translation>%2 中的 %1 通过 DHCP 配置</translation>
    </message>
    <message>
        <source>Several interfaces are configured: keep one (your choice), name it eth0 and remove the configuration of the others.</source>
        <translation>配置了多个网卡：请保留一个（由您选择），将其命名为 eth0，并删除其他网卡的配置。</translation>
    </message>
    <message>
        <source>Rename %1 to eth0 in %2, and add net.ifnames=0 biosdevname=0 to the kernel command line.</source>
        <translation>请在 %2 中将 %1 重命名为 eth0，并在内核命令行中添加 net.ifnames=0 biosdevname=0。</translation>
    </message>
    <message>
        <source>Kernel names (net.ifnames=0 biosdevname=0)</source>
        <translation>内核网卡命名（net.ifnames=0 biosdevname=0）</translation>
    </message>
    <message>
        <source>%1 renamed to eth0 in %2</source>
        <translation>已在 %2 中将 %1 重命名为 eth0</translation>
    </message>
    <message>
        <source>IPv6 off (sysctl)</source>
        <translation>关闭 IPv6（sysctl）</translation>
    </message>
    <message>
        <source>SELinux permissive (its policy is missing)</source>
        <translation>SELinux 设为 permissive（其策略缺失）</translation>
    </message>
    <message>
        <source>Boot the source system once so the pending SELinux relabel completes, then export the disk again.</source>
        <translation>请启动源系统一次以完成待处理的 SELinux 重新标记，然后重新导出磁盘。</translation>
    </message>
    <message>
        <source>Hardware clock in UTC (/etc/adjtime)</source>
        <translation>硬件时钟使用 UTC（/etc/adjtime）</translation>
    </message>
    <message>
        <source>%1 in the initramfs of kernel %2</source>
        <translation>内核 %2 的 initramfs 中包含 %1</translation>
    </message>
    <message>
        <source>Install a distribution kernel with the virtio drivers, then rebuild its initramfs.</source>
        <translation>请安装带有 virtio 驱动的发行版内核，然后重新生成其 initramfs。</translation>
    </message>
    <message>
        <source>Boot a distribution kernel that has the virtio_scsi and nvme drivers.</source>
        <translation>请使用带有 virtio_scsi 和 nvme 驱动的发行版内核启动。</translation>
    </message>
    <message>
        <source>growpart installed</source>
        <translation>已安装 growpart</translation>
    </message>
    <message>
        <source>cloud-init installed</source>
        <translation>已安装 cloud-init</translation>
    </message>
    <message>
        <source>Remote Desktop on (fDenyTSConnections = 0)</source>
        <translation>开启远程桌面（fDenyTSConnections = 0）</translation>
    </message>
    <message>
        <source>Remote Desktop allowed by the local Group Policy</source>
        <translation>本地组策略允许远程桌面</translation>
    </message>
    <message>
        <source>Remote Desktop allowed through the firewall</source>
        <translation>防火墙放行远程桌面</translation>
    </message>
    <message>
        <source>SAN policy OnlineAll (data disks online)</source>
        <translation>SAN 策略 OnlineAll（数据盘联机）</translation>
    </message>
    <message>
        <source>netkvm.sys is missing: run InstallQCloud.exe to install the virtio drivers again.</source>
        <translation>缺少 netkvm.sys：请运行 InstallQCloud.exe 重新安装 virtio 驱动。</translation>
    </message>
    <message>
        <source>netkvm enabled (Start = 3, on demand)</source>
        <translation>启用 netkvm（Start = 3，按需启动）</translation>
    </message>
    <message>
        <source>IPv6 off (DisabledComponents = 0xFF)</source>
        <translation>关闭 IPv6（DisabledComponents = 0xFF）</translation>
    </message>
    <message>
        <source>A reboot is pending: restart Windows, let it finish, then shut it down cleanly and export again.</source>
        <translation>有待处理的重启：请重启 Windows，等待其完成，然后正常关机并重新导出。</translation>
    </message>
    <message>
        <source>Windows Setup has not finished (sysprep): boot the machine and complete Setup, or generalize it again with an answer file that completes OOBE.</source>
        <translation>Windows 安装程序尚未完成（sysprep）：请启动该机器并完成安装，或使用可完成 OOBE 的应答文件重新将其通用化。</translation>
    </message>
</context>
<context>
    <name>cvmi::settings::AppSettings</name>
    <message>
        <source>&quot;%1&quot; is not a Tencent Cloud region id; use the form ap-guangzhou (lower-case letters and digits joined by &apos;-&apos;).</source>
        <translation>“%1”不是腾讯云地域 ID；请使用 ap-guangzhou 这样的格式（小写字母和数字，以 &apos;-&apos; 连接）。</translation>
    </message>
    <message>
        <source>The proxy &quot;%1&quot; cannot be used: %2 Write it as http://host:port, for example http://proxy.example.com:3128.</source>
        <translation>代理“%1”无法使用：%2请按 http://host:port 格式填写，例如 http://proxy.example.com:3128。</translation>
    </message>
    <message>
        <source>it is not an address.</source>
        <translation>它不是有效的地址。</translation>
    </message>
    <message>
        <source>only HTTP proxies are supported (they carry https:// requests through CONNECT, so the traffic stays encrypted).</source>
        <translation>仅支持 HTTP 代理（HTTP 代理通过 CONNECT 转发 https:// 请求，流量仍保持加密）。</translation>
    </message>
    <message>
        <source>a user name or password would be stored unencrypted in the settings file; set a proxy that needs them in the system (http_proxy) instead.</source>
        <translation>用户名或密码会以未加密形式保存在设置文件中；需要认证的代理请改在系统中设置（http_proxy）。</translation>
    </message>
    <message>
        <source>the port is missing.</source>
        <translation>缺少端口。</translation>
    </message>
    <message>
        <source>a proxy address has no path.</source>
        <translation>代理地址不能包含路径。</translation>
    </message>
    <message>
        <source>a proxy address has no query or fragment.</source>
        <translation>代理地址不能包含查询参数或片段。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a language name; use an empty value for the system&apos;s language, or a name such as en or zh_CN.</source>
        <translation>“%1”不是语言名称；留空表示使用系统语言，或填写 en、zh_CN 等名称。</translation>
    </message>
    <message>
        <source>Cannot write the settings file %1: permission denied or the folder is missing. Check the folder&apos;s permissions.</source>
        <translation>无法写入设置文件 %1：权限不足或文件夹不存在。请检查文件夹的权限。</translation>
    </message>
    <message>
        <source>The settings file %1 is not a valid settings file; move it away to start with the defaults.</source>
        <translation>设置文件 %1 无效；请将其移走，以使用默认设置启动。</translation>
    </message>
    <message>
        <source>An inspection time limit of %1 s is not possible: use 1 to %2 s (default %3 s).</source>
        <translation>检查时限不能为 %1 秒：请使用 1 到 %2 秒（默认 %3 秒）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a full bucket name; write it as &lt;name&gt;-&lt;APPID&gt;, e.g. cvm-images-1250000000.</source>
        <translation>“%1”不是完整的存储桶名称；请写成 &lt;名称&gt;-&lt;APPID&gt; 的形式，例如 cvm-images-1250000000。</translation>
    </message>
</context>
<context>
    <name>cvmi::transfer::CheckpointIndex</name>
    <message>
        <source>The resume record &quot;%1&quot; is unusable (%2).</source>
        <translation>断点记录“%1”不可用（%2）。</translation>
    </message>
    <message>
        <source>not a resume record</source>
        <translation>不是断点记录</translation>
    </message>
    <message>
        <source>its name does not match its contents</source>
        <translation>其名称与内容不符</translation>
    </message>
</context>
<context>
    <name>cvmi::transfer::Checkpoints</name>
    <message>
        <source>The resume record &quot;%1&quot; is unusable (%2); the upload starts over.</source>
        <translation>断点记录“%1”不可用（%2）；上传将从头开始。</translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation>格式未知</translation>
    </message>
    <message>
        <source>it names another upload</source>
        <translation>它对应的是另一个上传</translation>
    </message>
    <message>
        <source>a part entry is damaged</source>
        <translation>某个分块条目已损坏</translation>
    </message>
    <message>
        <source>it has neither an upload ID nor a start time</source>
        <translation>它既没有上传 ID，也没有启动时间</translation>
    </message>
    <message>
        <source>Cannot write the resume record &quot;%1&quot;: %2. %3</source>
        <translation>无法写入断点记录 &quot;%1&quot;：%2。%3</translation>
    </message>
    <message>
        <source>Cannot write the resume record &quot;%1&quot;: %2.</source>
        <translation>无法写入断点记录 &quot;%1&quot;：%2。</translation>
    </message>
    <message>
        <source>unknown conversion &quot;%1&quot;</source>
        <translation>未知的转换方式 &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>cvmi::transfer::DestinationLock</name>
    <message>
        <source>Free some space in %1 or make it a writable folder, or set the environment variable XDG_DATA_HOME to a writable folder (resume records are then kept in $XDG_DATA_HOME/cvm-import-wizard/uploads).</source>
        <translation>请在 %1 中释放一些空间或将其设为可写文件夹，或将环境变量 XDG_DATA_HOME 设为一个可写文件夹（断点记录随后将保存在 $XDG_DATA_HOME/cvm-import-wizard/uploads 中）。</translation>
    </message>
    <message>
        <source>Nothing was uploaded: the resume record cannot be kept in &quot;%1&quot; (%2), and without it an interrupted upload could be neither resumed nor found to be deleted. %3</source>
        <translation>未上传任何内容：断点记录无法保存在 &quot;%1&quot; 中（%2），而没有断点记录，中断的上传既无法续传，也无法被找到以便删除。%3</translation>
    </message>
    <message>
        <source>it is not a folder and cannot be created</source>
        <translation>它不是文件夹，且无法创建</translation>
    </message>
    <message>
        <source>Another upload to this destination is running (process %1).</source>
        <translation>另一个上传到此目标的任务正在运行（进程 %1）。</translation>
    </message>
    <message>
        <source>Another upload to this destination is running.</source>
        <translation>另一个上传到此目标的任务正在运行。</translation>
    </message>
    <message>
        <source>Only one run at a time may upload to the same bucket and key: wait for it to end, or stop it, then run this command again (it resumes what that one left), or choose another object key. Lock file: &quot;%1&quot;.</source>
        <translation>同一时间只能有一次运行上传到同一个存储桶和对象键：请等待其结束或将其停止，然后再次运行此命令（它会续传那次运行留下的部分），或选择其他对象键。锁文件：&quot;%1&quot;。</translation>
    </message>
</context>
<context>
    <name>cvmi::transfer::FileIdentityReader</name>
    <message>
        <source>its size changed from %1 to %2 bytes</source>
        <translation>大小已从 %1 字节变为 %2 字节</translation>
    </message>
    <message>
        <source>it was modified (its modification time changed)</source>
        <translation>文件已被修改（修改时间已变化）</translation>
    </message>
    <message>
        <source>its content changed</source>
        <translation>内容已变化</translation>
    </message>
    <message>
        <source>it is another file</source>
        <translation>已不是同一个文件</translation>
    </message>
    <message>
        <source>Cannot read &quot;%1&quot;: %2. Check that the file exists and that you may read it.</source>
        <translation>无法读取“%1”：%2。请确认文件存在且您有读取权限。</translation>
    </message>
    <message>
        <source>Cannot read &quot;%1&quot;: %2.</source>
        <translation>无法读取“%1”：%2。</translation>
    </message>
    <message>
        <source>Check that the file exists and that you may read it.</source>
        <translation>请确认文件存在且您有读取权限。</translation>
    </message>
</context>
<context>
    <name>cvmi::transfer::Integrity</name>
    <message>
        <source>The server sent an unreadable CRC-64 (&quot;%1&quot;) for %2.</source>
        <translation>服务器为%2返回了无法识别的 CRC-64（“%1”）。</translation>
    </message>
    <message>
        <source>part %1</source>
        <translation>分块 %1</translation>
    </message>
    <message>
        <source>the object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Part %1 arrived damaged: the server stored CRC-64 %2, the file&apos;s bytes have %3. Resume the upload to send the part again; if it happens again, check the computer&apos;s memory and the network path (a proxy that alters data).</source>
        <translation>分块 %1 传输后已损坏：服务器存储的 CRC-64 为 %2，而文件中对应字节的 CRC-64 为 %3。请续传以重新发送该分块；如果问题再次出现，请检查计算机内存和网络路径（是否有会篡改数据的代理）。</translation>
    </message>
    <message>
        <source>The uploaded object differs from the file: COS computed CRC-64 %1, the file has %2. Do not import it; upload the file again.</source>
        <translation>上传的对象与文件不一致：COS 计算的 CRC-64 为 %1，文件的 CRC-64 为 %2。请勿导入该对象，请重新上传文件。</translation>
    </message>
    <message>
        <source>The server sent no CRC-64 (x-cos-hash-crc64ecma) for %1.</source>
        <translation>服务器未返回 %1 的 CRC-64（x-cos-hash-crc64ecma）。</translation>
    </message>
</context>
<context>
    <name>cvmi::transfer::PartPlanner</name>
    <message>
        <source>The file size %1 is not valid.</source>
        <translation>文件大小 %1 无效。</translation>
    </message>
    <message>
        <source>The file has %1 bytes; COS accepts at most 10,000 parts of 5 GiB (48.8 TiB) in one object.</source>
        <translation>该文件有 %1 字节；COS 单个对象最多接受 10,000 个 5 GiB 的分块（48.8 TiB）。</translation>
    </message>
    <message>
        <source>The part size %1 bytes is outside COS&apos;s limits: choose between %2 bytes (1 MiB) and %3 bytes (5 GiB).</source>
        <translation>分块大小 %1 字节超出了 COS 的限制：请选择 %2 字节（1 MiB）到 %3 字节（5 GiB）之间的值。</translation>
    </message>
    <message>
        <source>A part size of %1 bytes would cut this %2-byte file into %3 parts; COS allows 10,000. Choose a part size of at least %4 bytes, or leave it automatic.</source>
        <translation>分块大小为 %1 字节时，这个 %2 字节的文件将被分为 %3 个分块，而 COS 最多允许 10,000 个。请选择至少 %4 字节的分块大小，或设为自动。</translation>
    </message>
    <message>
        <source>The converted disk may have up to %1 bytes; COS accepts at most 10,000 parts of 5 GiB (48.8 TiB) in one object.</source>
        <translation>转换后的磁盘最多可能有 %1 字节；COS 一个对象最多接受 10,000 个 5 GiB 的分块（48.8 TiB）。</translation>
    </message>
    <message>
        <source>A part size of %1 bytes does not fit this converted disk: choose between %2 and %3 bytes (5 GiB), or leave it automatic.</source>
        <translation>%1 字节的分块大小不适合此转换后的磁盘：请在 %2 到 %3 字节（5 GiB）之间选择，或保留自动。</translation>
    </message>
</context>
<context>
    <name>cvmi::transfer::PartReader</name>
    <message>
        <source>the file ended early (it shrank?)</source>
        <translation>文件提前结束（文件是否变小了？）</translation>
    </message>
</context>
<context>
    <name>cvmi::transfer::UploadLimits</name>
    <message>
        <source>A part size of %1 bytes is outside COS&apos;s limits: use 0 (chosen from the file size) or 1 MiB to 5 GiB.</source>
        <translation>分块大小 %1 字节超出了 COS 的限制：请使用 0（根据文件大小自动选择）或 1 MiB 到 5 GiB 之间的值。</translation>
    </message>
    <message>
        <source>%1 parallel uploads is not possible: use 1 to %2 (default %3).</source>
        <translation>无法设置 %1 个并行上传：请使用 1 到 %2（默认 %3）。</translation>
    </message>
    <message>
        <source>A rate limit of %1 bytes per second is negative: use 0 for no limit.</source>
        <translation>限速值 %1 字节/秒为负数：如不限速，请使用 0。</translation>
    </message>
</context>
<context>
    <name>cvmi::transfer::UploadSession</name>
    <message>
        <source>Uploading &quot;%1&quot; failed while %2: %3</source>
        <translation>上传“%1”失败（%2时）：%3</translation>
    </message>
    <message>
        <source>The upload of &quot;%1&quot; was cancelled; nothing of it is left on the server.</source>
        <translation>“%1”的上传已取消，服务器上未留下任何数据。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be resumed: %2 since the interrupted upload. Upload it again from the start (the parts already sent are then discarded).</source>
        <translation>“%1”无法续传：自上传中断以来，%2。请从头重新上传（已发送的分块将被丢弃）。</translation>
    </message>
    <message>
        <source>starting the multipart upload</source>
        <translation>发起分块上传</translation>
    </message>
    <message>
        <source>listing the parts already uploaded</source>
        <translation>列出已上传的分块</translation>
    </message>
    <message>
        <source>listing unfinished uploads</source>
        <translation>列出未完成的上传</translation>
    </message>
    <message>
        <source>aborting the multipart upload</source>
        <translation>终止分块上传</translation>
    </message>
    <message>
        <source>Cannot read &quot;%1&quot;: %2.</source>
        <translation>无法读取“%1”：%2。</translation>
    </message>
    <message>
        <source>uploading the file</source>
        <translation>上传文件</translation>
    </message>
    <message>
        <source>Cannot read part %1 of &quot;%2&quot;: %3.</source>
        <translation>无法读取“%2”的第 %1 个分块：%3。</translation>
    </message>
    <message>
        <source>sending part %1 of %2</source>
        <translation>发送第 %1/%2 个分块</translation>
    </message>
    <message>
        <source>&quot;%1&quot; changed while it was being uploaded (%2). Upload it again from the start once nothing writes to it.</source>
        <translation>“%1”在上传过程中发生了变化（%2）。请确保没有程序写入该文件，然后从头重新上传。</translation>
    </message>
    <message>
        <source>completing the multipart upload</source>
        <translation>完成分块上传</translation>
    </message>
    <message>
        <source>checking the completed object</source>
        <translation>校验上传完成的对象</translation>
    </message>
    <message>
        <source>Nothing was uploaded: %1</source>
        <translation>未上传任何内容：%1</translation>
    </message>
    <message>
        <source>The upload was stopped and its multipart upload deleted from the server, as it could not be resumed: %1</source>
        <translation>上传已停止，且由于无法续传，其分块上传已从服务器删除：%1</translation>
    </message>
    <message>
        <source>The upload was stopped, as it could not be resumed: %1 Its multipart upload %2 could not be deleted from the server either: delete it with `cvm-import uploads cos://%3 --abort %2`.</source>
        <translation>上传已停止，因为无法续传：%1 其分块上传 %2 也无法从服务器删除：请使用 `cvm-import uploads cos://%3 --abort %2` 删除。</translation>
    </message>
    <message>
        <source>The multipart upload of &quot;%1&quot; is no longer on the server (completed, aborted or expired elsewhere); its resume record was removed. Run the same command again to upload from the start.</source>
        <translation>&quot;%1&quot; 的分块上传已不在服务器上（已在别处完成、终止或过期）；其断点记录已删除。请再次运行同一命令，从头开始上传。</translation>
    </message>
    <message>
        <source>The interrupted upload&apos;s multipart upload is no longer on the server (completed, aborted or expired); its resume record was removed and the upload starts over.</source>
        <translation>中断的上传所对应的分块上传已不在服务器上（已完成、终止或过期）；其断点记录已删除，上传将从头开始。</translation>
    </message>
    <message numerus="yes">
        <source>Part %1 was sent %n time(s) and COS did not confirm its bytes: %2</source>
        <translation>
            <numerusform>分块 %1 已发送 %n 次，但 COS 未确认其字节：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Part %1 of &quot;%2&quot; was not read by this run, so the object cannot be compared with the file. Run the same command again.</source>
        <translation>本次运行未读取 &quot;%2&quot; 的分块 %1，因此无法将对象与文件进行比较。请再次运行同一命令。</translation>
    </message>
    <message>
        <source>The converted stream could not be read.</source>
        <translation>无法读取转换后的数据流。</translation>
    </message>
    <message>
        <source>The converted disk needs more than 10,000 parts of %1 bytes.</source>
        <translation>转换后的磁盘需要超过 10,000 个 %1 字节的分块。</translation>
    </message>
    <message>
        <source>The converted stream ended without its header (%1 of %2 bytes).</source>
        <translation>转换后的数据流结束时缺少文件头（%1 / %2 字节）。</translation>
    </message>
    <message>
        <source>The converted stream of &quot;%1&quot; differs from the one sent before at part %2: start over with --restart.</source>
        <translation>&quot;%1&quot; 转换后的数据流在第 %2 个分块与之前发送的不同：请使用 --restart 重新开始。</translation>
    </message>
    <message>
        <source>sending part %1</source>
        <translation>正在发送分块 %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be resumed: the interrupted upload sent it %2, this one would send it %3. Upload it again from the start (--restart; the parts already sent are then discarded).</source>
        <translation>&quot;%1&quot; 无法继续：中断的上传以%2方式发送，本次将以%3方式发送。请从头重新上传（--restart；已发送的分块将被丢弃）。</translation>
    </message>
    <message>
        <source>as it is</source>
        <translation>原样</translation>
    </message>
    <message>
        <source>converted to qcow2</source>
        <translation>转换为 qcow2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be converted to qcow2: %2</source>
        <translation>&quot;%1&quot; 无法转换为 qcow2：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be resumed: the interrupted upload was converted with other settings (%2, now %3). Upload it again from the start (--restart; the parts already sent are then discarded).</source>
        <translation>&quot;%1&quot; 无法继续：中断的上传使用了其他转换设置（%2，现在为 %3）。请从头重新上传（--restart；已发送的分块将被丢弃）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be resumed: its parts are smaller than the converted disk&apos;s header. Upload it again from the start (--restart).</source>
        <translation>&quot;%1&quot; 无法继续：其分块小于转换后磁盘的文件头。请从头重新上传（--restart）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a %2 disk, which Tencent Cloud does not import as it is: upload it converted to qcow2 (cvm-import upload --convert qcow2).</source>
        <translation>“%1”是 %2 磁盘，腾讯云不支持直接导入该格式：请将其转换为 qcow2 后上传（cvm-import upload --convert qcow2）。</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::AccountController</name>
    <message>
        <source>Endpoints: Tencent Cloud</source>
        <translation>接入地址：腾讯云</translation>
    </message>
    <message>
        <source>Endpoints: %1 (CVM and COS)</source>
        <translation>接入地址：%1（CVM 和 COS）</translation>
    </message>
    <message>
        <source>CVM %1</source>
        <translation>CVM %1</translation>
    </message>
    <message>
        <source>COS %1</source>
        <translation>COS %1</translation>
    </message>
    <message>
        <source>Endpoints: %1</source>
        <translation>接入地址：%1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a full bucket name: write it as &lt;name&gt;-&lt;APPID&gt;, e.g. cvm-images-1250000000.</source>
        <translation>“%1”不是完整的存储桶名称：请按 &lt;name&gt;-&lt;APPID&gt; 格式填写，例如 cvm-images-1250000000。</translation>
    </message>
    <message>
        <source>Could not create %1: %2</source>
        <translation>无法创建 %1：%2</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::AccountPage</name>
    <message>
        <source>Endpoint&amp;s…</source>
        <translation>接入地址(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>检查(&amp;C)</translation>
    </message>
    <message>
        <source>Connect your Tencent Cloud account</source>
        <translation>连接腾讯云账号</translation>
    </message>
    <message>
        <source>The import needs an account that may call ImportImage and a COS bucket in the same region for the upload. Choose the credentials and the region: they are checked as soon as both are known.</source>
        <translation>导入需要一个有权调用 ImportImage 的账号，以及一个位于同一地域、用于上传的 COS 存储桶。请选择访问密钥和地域：两者都确定后会自动检查。</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>Re&amp;gion:</source>
        <translation>地域(&amp;G)：</translation>
    </message>
    <message>
        <source>Send the requests to a gateway or a local emulator</source>
        <translation>将请求发送到网关或本地模拟器</translation>
    </message>
    <message>
        <source>Check the credentials, the region, the import permission and COS</source>
        <translation>检查访问密钥、地域、导入权限和 COS</translation>
    </message>
    <message>
        <source>Check first</source>
        <translation>请先检查</translation>
    </message>
    <message>
        <source>Enter a SecretId and a SecretKey.</source>
        <translation>请输入 SecretId 和 SecretKey。</translation>
    </message>
    <message>
        <source>Enter a SecretId and a SecretKey first (Tencent Cloud console → Access Management → API Keys), or choose credentials that were found.</source>
        <translation>请先输入 SecretId 和 SecretKey（腾讯云控制台 → 访问管理 → API 密钥），或选择已找到的访问密钥。</translation>
    </message>
    <message>
        <source>Checking %1 in %2…</source>
        <translation>正在检查 %1，地域：%2…</translation>
    </message>
    <message>
        <source>Saved in the system keyring.</source>
        <translation>已保存到系统密钥环。</translation>
    </message>
    <message>
        <source>Removed from the system keyring.</source>
        <translation>已从系统密钥环中删除。</translation>
    </message>
    <message>
        <source>All checks passed. Choose the bucket for the upload.</source>
        <translation>所有检查项均已通过。请选择用于上传的存储桶。</translation>
    </message>
    <message>
        <source>Some checks failed; see what to do below each one.</source>
        <translation>部分检查项未通过；请查看每项下方的处理方法。</translation>
    </message>
    <message>
        <source>COS is not usable</source>
        <translation>COS 不可用</translation>
    </message>
    <message>
        <source>Choose a bucket in %1</source>
        <translation>请选择位于 %1 的存储桶</translation>
    </message>
    <message>
        <source>No bucket in %1 yet: create one</source>
        <translation>%1 中还没有存储桶：请创建一个</translation>
    </message>
    <message>
        <source>Run Check first: a bucket is created with the checked account.</source>
        <translation>请先执行检查：存储桶将使用已检查的账号创建。</translation>
    </message>
    <message>
        <source>Creating %1…</source>
        <translation>正在创建 %1…</translation>
    </message>
    <message>
        <source>Created %1.</source>
        <translation>已创建 %1。</translation>
    </message>
    <message>
        <source>All checks passed. The upload goes to %1, the only bucket in %2.</source>
        <translation>所有检查项均已通过。将上传到 %1，即%2唯一的存储桶。</translation>
    </message>
    <message>
        <source>All checks passed. The upload goes to %1, the bucket used last time; choose another if you like.</source>
        <translation>所有检查项均已通过。将上传到上次使用的存储桶 %1；如有需要，可另选一个。</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::BucketChooser</name>
    <message>
        <source>B&amp;ucket:</source>
        <translation>存储桶(&amp;U)：</translation>
    </message>
    <message>
        <source>Bucket for the upload</source>
        <translation>用于上传的存储桶</translation>
    </message>
    <message>
        <source>Crea&amp;te Bucket…</source>
        <translation>创建存储桶(&amp;T)…</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::ChooseImageDialog</name>
    <message>
        <source>Choose the Disk Image</source>
        <translation>选择磁盘镜像</translation>
    </message>
    <message>
        <source>%1 holds several disk images. Which one is the system disk to check and &amp;import?</source>
        <translation>%1 中有多个磁盘镜像。要检查并导入哪一个系统盘？(&amp;I)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Check This Image</source>
        <translation>检查此镜像(&amp;C)</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>取消(&amp;N)</translation>
    </message>
    <message>
        <source>Disk images found</source>
        <translation>找到的磁盘镜像</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::ChooseObjectDialog</name>
    <message>
        <source>List the next objects (COS answers up to %1 at a time)</source>
        <translation>列出后续对象（COS 每次最多返回 %1 个）</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>选择(&amp;C)</translation>
    </message>
    <message>
        <source>No account is connected: connect one on the Account page, then choose the object here (or type its URL in the form).</source>
        <translation>尚未连接账号：请先在“账号”页面连接账号，然后在此选择对象（或在表单中输入其 URL）。</translation>
    </message>
    <message>
        <source>Listing the buckets of %1…</source>
        <translation>正在列出 %1 中的存储桶…</translation>
    </message>
    <message>
        <source>Could not list the buckets: %1 %2</source>
        <translation>无法列出存储桶：%1 %2</translation>
    </message>
    <message>
        <source>This account has no bucket in %1. Upload the image first, or choose the bucket&apos;s region on the Account page.</source>
        <translation>此账号在 %1 中没有存储桶。请先上传镜像，或在“账号”页面选择存储桶所在的地域。</translation>
    </message>
    <message>
        <source>Listing the objects of %1…</source>
        <translation>正在列出 %1 中的对象…</translation>
    </message>
    <message>
        <source>Listing more objects of %1…</source>
        <translation>正在列出 %1 中的更多对象…</translation>
    </message>
    <message>
        <source>Could not list the objects of %1: %2 %3</source>
        <translation>无法列出 %1 中的对象：%2 %3</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>The bucket %1 is empty.</source>
        <translation>存储桶 %1 为空。</translation>
    </message>
    <message>
        <source>No object in %1 starts with &quot;%2&quot;.</source>
        <translation>%1 中没有以“%2”开头的对象。</translation>
    </message>
    <message>
        <source>Objects listed: %1, none of them a disk image. Untick &quot;Only disk images&quot; to see them.</source>
        <translation>已列出 %1 个对象，其中没有磁盘镜像。取消勾选“仅显示磁盘镜像”即可查看这些对象。</translation>
    </message>
    <message>
        <source>Objects listed: %1; disk images among them: %2.</source>
        <translation>已列出 %1 个对象，其中磁盘镜像 %2 个。</translation>
    </message>
    <message>
        <source>More objects follow: &quot;More&quot; lists the next %1.</source>
        <translation>还有更多对象：点击“更多”可列出接下来的 %1 个。</translation>
    </message>
    <message>
        <source>Choose an Object in COS</source>
        <translation>选择 COS 中的对象</translation>
    </message>
    <message>
        <source>The image is in COS already: choose its object. The form gets the object&apos;s URL; when the bucket is private, the import signs that URL when it starts, so that Tencent Cloud can read the object without your keys.</source>
        <translation>镜像已在 COS 中：请选择其对象。表单将填入该对象的 URL；如果存储桶为私有，导入开始时会为该 URL 签名，使腾讯云无需您的密钥即可读取该对象。</translation>
    </message>
    <message>
        <source>&amp;Bucket:</source>
        <translation>存储桶(&amp;B)：</translation>
    </message>
    <message>
        <source>Bucket</source>
        <translation>存储桶</translation>
    </message>
    <message>
        <source>Choose a bucket</source>
        <translation>请选择存储桶</translation>
    </message>
    <message>
        <source>Key &amp;prefix:</source>
        <translation>对象键前缀(&amp;P)：</translation>
    </message>
    <message>
        <source>Key prefix</source>
        <translation>对象键前缀</translation>
    </message>
    <message>
        <source>e.g. images/ (the start of the key)</source>
        <translation>例如 images/（对象键的开头部分）</translation>
    </message>
    <message>
        <source>&amp;Only disk images (.qcow2, .vhd, .vmdk, .raw, .img, .iso)</source>
        <translation>仅显示磁盘镜像（.qcow2、.vhd、.vmdk、.raw、.img、.iso）(&amp;O)</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>对象键</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Last modified</source>
        <translation>最后修改时间</translation>
    </message>
    <message>
        <source>Listing status</source>
        <translation>列出状态</translation>
    </message>
    <message>
        <source>&amp;More</source>
        <translation>更多(&amp;M)</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::ConversionTexts</name>
    <message>
        <source>Sent as a compressed qcow2: about %1 instead of %2 (an estimate from the disk&apos;s map and a sample)</source>
        <translation>以压缩的 qcow2 发送：约 %1，而非 %2（根据磁盘分配表和抽样估算）</translation>
    </message>
    <message>
        <source>%1: too little saved to be worth it, so the file is sent as it is unless you choose otherwise on the Upload page.</source>
        <translation>%1：节省太少，不值得转换，因此将按原样发送文件，除非您在“上传”页另行选择。</translation>
    </message>
    <message>
        <source>the other %1 sampled clusters became %2% of their size</source>
        <translation>其余 %1 个抽样簇压缩后为原大小的 %2%</translation>
    </message>
    <message>
        <source>no sampled cluster held data</source>
        <translation>没有抽样簇包含数据</translation>
    </message>
    <message>
        <source>The disk is %1 as the guest sees it; its map holds %2 of data, the rest is empty space that is left out. Of %3 clusters of 64 KiB read as a sample, %4 were all zeros; %5. The real size is known when the upload ends.</source>
        <translation>客户机看到的磁盘大小为 %1；其分配表中有 %2 的数据，其余为空闲区域，不会发送。抽样读取的 %3 个 64 KiB 簇中，%4 个全为零；%5。实际大小在上传结束时才能确定。</translation>
    </message>
    <message>
        <source>Empty space is left out and the data compressed while it is sent, with no copy on this computer; Tencent Cloud imports qcow2.</source>
        <translation>发送时略过空闲区域并压缩数据，不在本机生成副本；腾讯云支持导入 qcow2。</translation>
    </message>
    <message>
        <source>%1 About %2 instead of %3 (an estimate).</source>
        <translation>%1 约 %2，而非 %3（估算值）。</translation>
    </message>
    <message>
        <source>%1 Estimating how much that saves…</source>
        <translation>%1 正在估算可节省的大小…</translation>
    </message>
    <message>
        <source>%1 How much that saves could not be estimated: %2</source>
        <translation>%1 无法估算可节省的大小：%2</translation>
    </message>
    <message>
        <source>Tencent Cloud does not import %1 as it is, so this image is always sent as a qcow2, made while it is sent with no copy on this computer.</source>
        <translation>腾讯云不支持直接导入 %1，因此该镜像始终以 qcow2 格式发送；转换在发送过程中进行，不会在本机生成副本。</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::CreateBucketDialog</name>
    <message>
        <source>Create Bucket</source>
        <translation>创建存储桶</translation>
    </message>
    <message>
        <source>A private bucket is created in %1 for the image upload. Its name is 1 to %2 lower-case letters, digits and &apos;-&apos;, followed by your account&apos;s APPID.</source>
        <translation>将在 %1 中创建一个私有存储桶，用于上传镜像。存储桶名称由 1 到 %2 个小写字母、数字和 &apos;-&apos; 组成，后接您账号的 APPID。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Bucket name</source>
        <translation>存储桶名称</translation>
    </message>
    <message>
        <source>&amp;APPID:</source>
        <translation>APPID(&amp;A)：</translation>
    </message>
    <message>
        <source>APPID</source>
        <translation>APPID</translation>
    </message>
    <message>
        <source>Bucket:</source>
        <translation>存储桶：</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::CredentialSourceText</name>
    <message>
        <source>used</source>
        <translation>已使用</translation>
    </message>
    <message>
        <source>unusable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>nothing there</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>the environment variables TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY</source>
        <translation>环境变量 TENCENTCLOUD_SECRET_ID 和 TENCENTCLOUD_SECRET_KEY</translation>
    </message>
    <message>
        <source>tccli&apos;s profile “%1”, ~/.tccli/%1.credential</source>
        <translation>tccli 配置“%1”，~/.tccli/%1.credential</translation>
    </message>
    <message>
        <source>the Tencent Cloud SDK credentials file ~/.tencentcloud/credentials</source>
        <translation>腾讯云 SDK 凭证文件 ~/.tencentcloud/credentials</translation>
    </message>
    <message>
        <source>the coscli configuration ~/.cos.yaml</source>
        <translation>coscli 配置文件 ~/.cos.yaml</translation>
    </message>
    <message>
        <source>the system keyring</source>
        <translation>系统密钥环</translation>
    </message>
    <message>
        <source>typed here</source>
        <translation>在此输入</translation>
    </message>
    <message>
        <source>the demo&apos;s local emulator</source>
        <translation>演示用的本地模拟器</translation>
    </message>
    <message>
        <source>%1, typed here</source>
        <translation>%1（在此输入）</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1，来自%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::CredentialsBox</name>
    <message>
        <source>Credentials</source>
        <translation>访问密钥</translation>
    </message>
    <message>
        <source>Use the credentials foun&amp;d:</source>
        <translation>使用找到的访问密钥(&amp;D)：</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <source>Places looked at for credentials</source>
        <translation>已查找访问密钥的位置</translation>
    </message>
    <message>
        <source>&amp;Enter credentials:</source>
        <translation>输入访问密钥(&amp;E)：</translation>
    </message>
    <message>
        <source>Secret&amp;Id:</source>
        <translation>SecretId(&amp;I)：</translation>
    </message>
    <message>
        <source>SecretId</source>
        <translation>SecretId</translation>
    </message>
    <message>
        <source>Secret&amp;Key:</source>
        <translation>SecretKey(&amp;K)：</translation>
    </message>
    <message>
        <source>SecretKey</source>
        <translation>SecretKey</translation>
    </message>
    <message>
        <source>Session t&amp;oken:</source>
        <translation>临时令牌(&amp;O)：</translation>
    </message>
    <message>
        <source>Session token (optional)</source>
        <translation>临时令牌（可选）</translation>
    </message>
    <message>
        <source>only for temporary credentials</source>
        <translation>仅用于临时访问密钥</translation>
    </message>
    <message>
        <source>Saved in GNOME Keyring, KWallet or another Secret Service, never in a file of this program.</source>
        <translation>保存在 GNOME Keyring、KWallet 或其他 Secret Service 中，绝不会保存在本程序的文件里。</translation>
    </message>
    <message>
        <source>&amp;Remember in the system keyring</source>
        <translation>保存到系统密钥环(&amp;R)</translation>
    </message>
    <message>
        <source>Use the &amp;account:</source>
        <translation>使用账号(&amp;A)：</translation>
    </message>
    <message>
        <source>Looked in: %1</source>
        <translation>已查找：%1</translation>
    </message>
    <message>
        <source>none found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>Read from the system keyring (profile &quot;%1&quot;).</source>
        <translation>已从系统密钥环读取（配置“%1”）。</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::DesktopProgress</name>
    <message>
        <source>Finishing the upload of %1</source>
        <translation>正在完成 %1 的上传</translation>
    </message>
    <message>
        <source>%1% · Checking the uploaded parts of %2</source>
        <translation>%1% · 正在校验 %2 已上传的分块</translation>
    </message>
    <message>
        <source>%1% · Uploading %2</source>
        <translation>%1% · 正在上传 %2</translation>
    </message>
    <message>
        <source>%1% · Paused: %2</source>
        <translation>%1% · 已暂停：%2</translation>
    </message>
    <message>
        <source>Cancelling the upload of %1</source>
        <translation>正在取消 %1 的上传</translation>
    </message>
    <message>
        <source>Checking the import form…</source>
        <translation>正在检查导入表单…</translation>
    </message>
    <message>
        <source>Checking the permission to import…</source>
        <translation>正在检查导入权限…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Upload finished</source>
        <translation>上传完成</translation>
    </message>
    <message>
        <source>%1 is in the bucket %2 (%3). Fill in the import form next.</source>
        <translation>%1 已上传到存储桶 %2（%3）。下一步：填写导入表单。</translation>
    </message>
    <message>
        <source>The upload of %1 stopped</source>
        <translation>%1 的上传已中止</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::DraftBar</name>
    <message>
        <source>Fill the form from a draft file (Ctrl+O)</source>
        <translation>从草稿文件填写表单（Ctrl+O）</translation>
    </message>
    <message>
        <source>&amp;Open Draft…</source>
        <translation>打开草稿(&amp;O)…</translation>
    </message>
    <message>
        <source>Save the form as a draft file, without any secret (Ctrl+S)</source>
        <translation>将表单保存为草稿文件，不含任何密钥（Ctrl+S）</translation>
    </message>
    <message>
        <source>&amp;Save Draft…</source>
        <translation>保存草稿(&amp;S)…</translation>
    </message>
    <message>
        <source>Draft status</source>
        <translation>草稿状态</translation>
    </message>
    <message>
        <source>%1-draft.json</source>
        <translation>%1-draft.json</translation>
    </message>
    <message>
        <source>Import drafts (*.json);;All files (*)</source>
        <translation>导入草稿 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open Draft</source>
        <translation>打开草稿</translation>
    </message>
    <message>
        <source>Save Draft</source>
        <translation>保存草稿</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::DraftFiles</name>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved the draft to %1.</source>
        <translation>草稿已保存到 %1。</translation>
    </message>
    <message>
        <source>The URL&apos;s signature was left out, so the draft holds no secret; the import signs a private object&apos;s URL again.</source>
        <translation>URL 中的签名未保存，因此草稿不含任何密钥；导入时会为私有对象的 URL 重新签名。</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Opened the draft %1, saved %2.</source>
        <translation>已打开草稿 %1（保存于 %2）。</translation>
    </message>
    <message>
        <source>It was made for %1; the account&apos;s region is %2.</source>
        <translation>该草稿是为 %1 创建的，而当前账号的地域为 %2。</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::DraftRecovery</name>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::DropZone</name>
    <message>
        <source>Only the metadata is read, so even a large image is checked in moments.</source>
        <translation>只读取元数据，因此即使是很大的镜像也能很快完成检查。</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>In %1. Drop another image to check that one instead.</source>
        <translation>位于 %1。拖放其他镜像可改为检查该镜像。</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose a disk image</source>
        <translation>选择磁盘镜像</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>浏览(&amp;W)…</translation>
    </message>
    <message>
        <source>Disk image</source>
        <translation>磁盘镜像</translation>
    </message>
    <message>
        <source>Looking for disk images in %1…</source>
        <translation>正在 %1 中查找磁盘镜像…</translation>
    </message>
    <message>
        <source>Nothing chosen from %1. Drop an image, or use Browse….</source>
        <translation>未从 %1 中选择任何镜像。请拖入一个镜像，或使用“浏览…”。</translation>
    </message>
    <message>
        <source>Drop a disk image here (.qcow2, .vmdk, .vhd, .raw, .vhdx, .vdi, .ova)</source>
        <translation>将磁盘镜像拖放到此处（.qcow2、.vmdk、.vhd、.raw、.vhdx、.vdi、.ova）</translation>
    </message>
    <message>
        <source>Disk images (*.qcow2 *.vmdk *.vhd *.vhdx *.vdi *.ova *.raw *.img)</source>
        <translation>磁盘镜像 (*.qcow2 *.vmdk *.vhd *.vhdx *.vdi *.ova *.raw *.img)</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::EndpointFields</name>
    <message>
        <source>Leave both empty to talk to Tencent Cloud itself. Set an address to send the requests to a private gateway, a proxy or a local emulator instead; they are still signed for the real service.

https:// is accepted for any host. http:// is accepted only for this computer (localhost, 127.0.0.1, ::1): the requests carry signed credentials, and unencrypted traffic to another machine can be read on the way.</source>
        <translation>两项都留空即直接访问腾讯云。如需将请求发送到私有网关、代理或本地模拟器，请设置相应地址；请求仍会按真实服务进行签名。

https:// 可用于任何主机。http:// 仅可用于本机（localhost、127.0.0.1、::1）：请求中带有已签名的凭证，发往其他计算机的未加密流量可能在传输途中被读取。</translation>
    </message>
    <message>
        <source>CVM API endpoint</source>
        <translation>CVM API 接入地址</translation>
    </message>
    <message>
        <source>each bucket&apos;s own host (&lt;bucket&gt;.cos.&lt;region&gt;.myqcloud.com)</source>
        <translation>每个存储桶自己的主机名（&lt;bucket&gt;.cos.&lt;region&gt;.myqcloud.com）</translation>
    </message>
    <message>
        <source>COS endpoint</source>
        <translation>COS 接入地址</translation>
    </message>
    <message>
        <source>Endpoint error</source>
        <translation>接入地址错误</translation>
    </message>
    <message>
        <source>&amp;CVM API:</source>
        <translation>CVM API(&amp;C)：</translation>
    </message>
    <message>
        <source>C&amp;OS:</source>
        <translation>COS(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::EndpointsDialog</name>
    <message>
        <source>Endpoints</source>
        <translation>接入地址</translation>
    </message>
    <message>
        <source>Restore &amp;Defaults</source>
        <translation>恢复默认值(&amp;D)</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::FieldNote</name>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>%1 of at most %2 characters</source>
        <translation>%1 个字符，最多 %2 个</translation>
    </message>
    <message>
        <source>%1, row %2: %3</source>
        <translation>%1第 %2 行：%3</translation>
    </message>
    <message>
        <source>%1, row %2 (warning): %3</source>
        <translation>%1第 %2 行（警告）：%3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 (warning): %2</source>
        <translation>%1（警告）：%2</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::FormPage</name>
    <message>
        <source>Describe the custom image</source>
        <translation>填写自定义镜像信息</translation>
    </message>
    <message>
        <source>The parameters of the import (ImportImage). They are filled in from the check and the upload where possible; every value can be changed. The form works offline: save it as a draft and open it later or on another computer.</source>
        <translation>导入（ImportImage）所需的参数。系统会尽可能根据检查和上传结果自动填写，所有值均可修改。表单可离线使用：您可以将其保存为草稿，稍后或在其他计算机上打开。</translation>
    </message>
    <message>
        <source>Image URL</source>
        <translation>镜像 URL</translation>
    </message>
    <message>
        <source>The COS object of the uploaded image (filled in by the upload)</source>
        <translation>已上传镜像所在的 COS 对象（由上传步骤自动填写）</translation>
    </message>
    <message>
        <source>Whether the object exists</source>
        <translation>对象是否存在</translation>
    </message>
    <message>
        <source>Image name</source>
        <translation>镜像名称</translation>
    </message>
    <message>
        <source>Image description</source>
        <translation>镜像描述</translation>
    </message>
    <message>
        <source>Image family</source>
        <translation>镜像族</translation>
    </message>
    <message>
        <source>optional, e.g. business-daily-update</source>
        <translation>可选，例如 business-daily-update</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Image &amp;URL:</source>
        <translation>镜像 URL(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Image name:</source>
        <translation>镜像名称(&amp;I)：</translation>
    </message>
    <message>
        <source>Descri&amp;ption:</source>
        <translation>描述(&amp;P)：</translation>
    </message>
    <message>
        <source>Image famil&amp;y:</source>
        <translation>镜像族(&amp;Y)：</translation>
    </message>
    <message>
        <source>ImportImage&apos;s Force: skips the service&apos;s checks of the image. Use it only when you know why a check fails and that it does not matter.</source>
        <translation>ImportImage 的 Force 参数：跳过服务对镜像的检查。仅当您清楚检查项未通过的原因且确认其无影响时使用。</translation>
    </message>
    <message>
        <source>ImportImage&apos;s DryRun: the service checks the parameters and the permission, and no image is created.</source>
        <translation>ImportImage 的 DryRun 参数：服务仅检查参数和权限，不会创建镜像。</translation>
    </message>
    <message>
        <source>Form status</source>
        <translation>表单状态</translation>
    </message>
    <message>
        <source>Errors to correct before going on: %1 (and warnings: %2), marked under their fields.</source>
        <translation>继续之前需更正 %1 处错误（另有 %2 条警告），已在相应字段下方标出。</translation>
    </message>
    <message>
        <source>Errors to correct before going on: %1, marked under their fields.</source>
        <translation>继续之前需更正 %1 处错误，已在相应字段下方标出。</translation>
    </message>
    <message>
        <source>The form is complete; read the warnings (%1).</source>
        <translation>表单已填写完整，请阅读警告（%1 条）。</translation>
    </message>
    <message>
        <source>The form is complete.</source>
        <translation>表单已填写完整。</translation>
    </message>
    <message>
        <source>The image is in COS already: choose its object from a bucket&apos;s list</source>
        <translation>镜像已在 COS 中：请从存储桶的对象列表中选择其对象</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Data disks:</source>
        <translation>数据盘：</translation>
    </message>
    <message>
        <source>Choose Ob&amp;ject…</source>
        <translation>选择对象(&amp;J)…</translation>
    </message>
    <message>
        <source>Fo&amp;rce: import even if the service&apos;s own image checks fail</source>
        <translation>强制导入：即使镜像未通过服务自身的检查也继续导入(&amp;R)</translation>
    </message>
    <message>
        <source>Tags and data disks</source>
        <translation>标签和数据盘</translation>
    </message>
    <message>
        <source>Options of the import that are rarely needed: Force and Dry run</source>
        <translation>很少需要的导入选项：强制导入和仅预检</translation>
    </message>
    <message>
        <source>A&amp;dvanced</source>
        <translation>高级(&amp;D)</translation>
    </message>
    <message>
        <source>Dry run only: check the re&amp;quest, do not import</source>
        <translation>仅预检：只检查请求，不导入(&amp;Q)</translation>
    </message>
    <message>
        <source>To continue, fill in: %1.</source>
        <translation>要继续，请填写：%1。</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the names of fields</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Warnings: %1, under their fields.</source>
        <translation>警告：%1 条，已在相应字段下方标出。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>two sentences</comment>
        <translation>%1%2</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::ImagePage</name>
    <message>
        <source>Check the disk image</source>
        <translation>检查磁盘镜像</translation>
    </message>
    <message>
        <source>Choose the system disk image to import. It is checked against Tencent Cloud&apos;s import rules before anything is uploaded.</source>
        <translation>请选择要导入的系统盘磁盘镜像。上传前会先按照腾讯云的导入规则对其进行检查。</translation>
    </message>
    <message>
        <source>Save this report as JSON or as an HTML page</source>
        <translation>将此报告保存为 JSON 文件或 HTML 页面</translation>
    </message>
    <message>
        <source>Inspecting %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>The check was cancelled. Drop an image, or use Browse…, to check one.</source>
        <translation>检查已取消。拖放镜像文件，或点击“浏览…”选择要检查的镜像。</translation>
    </message>
    <message>
        <source>%1-check.json</source>
        <translation>%1-check.json</translation>
    </message>
    <message>
        <source>Save Report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>The report could not be saved to %1.</source>
        <translation>无法将报告保存到 %1。</translation>
    </message>
    <message>
        <source>JSON report (*.json)</source>
        <translation>JSON 报告 (*.json)</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>HTML 报告 (*.html)</translation>
    </message>
    <message>
        <source>Already in COS? S&amp;kip to the Form</source>
        <translation>已在 COS 中？跳到表单(&amp;K)</translation>
    </message>
    <message>
        <source>The image is in a COS bucket already: check the account, then fill the import form with its URL</source>
        <translation>镜像已在 COS 存储桶中：检查账号后，使用其 URL 填写导入表单</translation>
    </message>
    <message>
        <source>&amp;Cancel Check</source>
        <translation>取消检查(&amp;C)</translation>
    </message>
    <message>
        <source>Save &amp;Report…</source>
        <translation>保存报告(&amp;R)…</translation>
    </message>
    <message>
        <source>Estimated size of the upload as a compressed qcow2</source>
        <translation>以压缩 qcow2 上传的估算大小</translation>
    </message>
    <message>
        <source>Save a script that fixes, inside the source VM, what the check found</source>
        <translation>保存一个脚本，用于在源虚拟机内修复检查发现的问题</translation>
    </message>
    <message>
        <source>Save &amp;Fix Script…</source>
        <translation>保存修复脚本(&amp;F)…</translation>
    </message>
    <message numerus="yes">
        <source>Save a script to run inside the source VM before exporting it again: %n step(s) for %1.</source>
        <translation>
            <numerusform>保存一个在重新导出前于源虚拟机内运行的脚本：共 %n 个步骤，针对 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>What the check found cannot be fixed by a script inside the VM: see each rule&apos;s fix in the report.</source>
        <translation>检查发现的问题无法通过虚拟机内的脚本修复：请参见报告中每条规则的修复方法。</translation>
    </message>
    <message>
        <source>%1-fix.ps1</source>
        <translation>%1-fix.ps1</translation>
    </message>
    <message>
        <source>%1-fix.sh</source>
        <translation>%1-fix.sh</translation>
    </message>
    <message>
        <source>Save Fix Script</source>
        <translation>保存修复脚本</translation>
    </message>
    <message>
        <source>PowerShell script (*.ps1)</source>
        <translation>PowerShell 脚本 (*.ps1)</translation>
    </message>
    <message>
        <source>Shell script (*.sh)</source>
        <translation>Shell 脚本 (*.sh)</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::ImportController</name>
    <message>
        <source>Done earlier (%1).</source>
        <translation>此前已完成（%1）。</translation>
    </message>
    <message>
        <source>Started earlier in %1 as %2 (%3).</source>
        <translation>此前已在 %1 发起导入，镜像为 %2（%3）。</translation>
    </message>
    <message>
        <source>The OS list could not be asked (%1): the form was checked against the saved or built-in list, where a missing value is only a warning and the service decides.</source>
        <translation>无法获取操作系统列表（%1）：表单已依据保存的列表或内置列表进行检查，不在列表中的值仅作为警告，由服务最终决定。</translation>
    </message>
    <message>
        <source>OS values checked against the list Tencent Cloud sent just now.</source>
        <translation>操作系统相关的值已依据腾讯云刚刚返回的列表进行检查。</translation>
    </message>
    <message>
        <source>Go back to the Form page and correct the fields named here.</source>
        <translation>请返回“表单”页，更正此处列出的字段。</translation>
    </message>
    <message>
        <source>Every field is valid.</source>
        <translation>所有字段均有效。</translation>
    </message>
    <message numerus="yes">
        <source>Valid, with %n warning(s) shown on the Form page.</source>
        <translation>
            <numerusform>有效，但有 %n 条警告，请在“表单”页查看。</numerusform>
        </translation>
    </message>
    <message>
        <source>Tencent Cloud accepted the import: image %1 in %2.</source>
        <translation>腾讯云已接受导入：镜像 %1，地域 %2。</translation>
    </message>
    <message>
        <source>%1 Trying again in %2 s (attempt %3).</source>
        <translation>%1 %2 秒后重试（第 %3 次）。</translation>
    </message>
    <message>
        <source>Image %1 is ready</source>
        <translation>镜像 %1 已就绪</translation>
    </message>
    <message>
        <source>Import of %1 did not finish</source>
        <translation>%1 的导入未完成</translation>
    </message>
    <message>
        <source>What to try: %1</source>
        <translation>可尝试：%1</translation>
    </message>
    <message>
        <source>NORMAL after %1.</source>
        <translation>用时 %1 后状态变为 NORMAL。</translation>
    </message>
    <message>
        <source>Next: create an instance from it in the CVM console → Images → Custom images → %1 → Create instance (or use the image ID with RunInstances).</source>
        <translation>下一步：在云服务器控制台 → 镜像 → 自定义镜像 → %1 → 创建实例 中使用它创建实例（或在 RunInstances 中使用该镜像 ID）。</translation>
    </message>
    <message>
        <source>Not asked for.</source>
        <translation>未请求。</translation>
    </message>
    <message>
        <source>Press Import to import it for real.</source>
        <translation>点击“导入”以正式导入。</translation>
    </message>
    <message>
        <source>Allowed: the account may import this image with these values.</source>
        <translation>允许：该账号可以使用这些参数导入此镜像。</translation>
    </message>
    <message>
        <source>Waiting for Tencent Cloud: %1 so far · next check in %2</source>
        <translation>正在等待腾讯云：已用时 %1 · %2后再次检查</translation>
    </message>
    <message>
        <source>Waiting for Tencent Cloud: %1 so far · checking now</source>
        <translation>正在等待腾讯云：已用时 %1 · 正在检查</translation>
    </message>
    <message>
        <source>No answer yet.</source>
        <translation>尚未收到响应。</translation>
    </message>
    <message>
        <source>The image is %1.</source>
        <translation>镜像状态：%1。</translation>
    </message>
    <message>
        <source>Nothing was imported: the step marked as failed above says why and what to do.</source>
        <translation>未导入任何内容：上方标为失败的步骤说明了原因和处理方法。</translation>
    </message>
    <message>
        <source>Following %1 stopped: the step marked as failed above says why and what to do.</source>
        <translation>已停止跟踪 %1：上方标为失败的步骤说明了原因和处理方法。</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::ImportHistoryList</name>
    <message>
        <source>F&amp;ollow</source>
        <translation>跟踪(&amp;O)</translation>
    </message>
    <message>
        <source>Earlier imports</source>
        <translation>以往的导入</translation>
    </message>
    <message>
        <source>Image ID</source>
        <translation>镜像 ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Follow the selected import again until it is ready or has failed.</source>
        <translation>重新跟踪所选导入任务，直到其完成或失败。</translation>
    </message>
    <message>
        <source>No imports yet. They are kept in %1, shared with `cvm-import imports`.</source>
        <translation>暂无导入记录。导入记录保存在 %1 中，与 `cvm-import imports` 共用。</translation>
    </message>
    <message>
        <source>An import still IMPORTING can be followed again: double-click it, or select it and press Follow.</source>
        <translation>仍处于 IMPORTING 状态的导入可以重新跟踪：双击该导入，或选中后点击“跟踪”。</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::ImportPage</name>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Dry run only</source>
        <translation>仅预检(&amp;D)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Tencent Cloud imports the uploaded disk as a custom image. This takes from a few minutes to an hour; you may close the wizard meanwhile.</source>
        <translation>腾讯云会将已上传的磁盘导入为自定义镜像。此过程需要几分钟到一小时不等，在此期间您可以关闭向导。</translation>
    </message>
    <message>
        <source>Check the permission with a dry run, then import and follow the image.</source>
        <translation>先通过预检确认权限，然后导入并跟踪镜像状态。</translation>
    </message>
    <message>
        <source>Only ask whether the account may import this image with these values; nothing is created.</source>
        <translation>仅检查该账号能否使用这些参数导入此镜像，不会创建任何资源。</translation>
    </message>
    <message>
        <source>What will be imported</source>
        <translation>将要导入的内容</translation>
    </message>
    <message>
        <source>Image ID</source>
        <translation>镜像 ID</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the image ID to the clipboard.</source>
        <translation>将镜像 ID 复制到剪贴板。</translation>
    </message>
    <message>
        <source>Earlier imports</source>
        <translation>以往的导入</translation>
    </message>
    <message>
        <source>the import form is not filled in yet (go back to the Form page, or open a draft there)</source>
        <translation>尚未填写导入表单（请返回“表单”页填写，或在该页打开草稿）</translation>
    </message>
    <message>
        <source>no account is checked yet (the Account page: credentials and region)</source>
        <translation>尚未检查任何账号（请在“账号”页设置访问密钥和地域）</translation>
    </message>
    <message>
        <source>Nothing can be imported yet: %1.</source>
        <translation>暂时无法导入：%1。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>Image URL</source>
        <translation>镜像 URL</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Data disks</source>
        <translation>数据盘</translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation>预检</translation>
    </message>
    <message>
        <source>asked for in the form: &quot;Dry run only&quot; checks without importing; Import imports for real</source>
        <translation>已在表单中勾选：“仅预检”只做检查而不导入；“导入”才会真正导入</translation>
    </message>
    <message>
        <source>No import form yet.</source>
        <translation>尚无导入表单。</translation>
    </message>
    <message>
        <source>You may finish or close the wizard now: the import goes on in Tencent Cloud. Follow it later from &quot;Earlier imports&quot; below, or with `cvm-import imports --follow %1`.</source>
        <translation>现在可以完成或关闭向导：导入会在腾讯云中继续进行。之后可在下方的“以往的导入”中跟踪，或运行 `cvm-import imports --follow %1`。</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>I&amp;mage ID:</source>
        <translation>镜像 ID(&amp;M)：</translation>
    </message>
    <message>
        <source>Waiting for Tencent Cloud</source>
        <translation>正在等待腾讯云</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>What the import made</source>
        <translation>导入的结果</translation>
    </message>
    <message>
        <source>Copy this summary, with the request&apos;s ID for support, to the clipboard.</source>
        <translation>将此摘要（含供技术支持使用的请求 ID）复制到剪贴板。</translation>
    </message>
    <message>
        <source>Copy &amp;Summary</source>
        <translation>复制摘要(&amp;S)</translation>
    </message>
    <message>
        <source>Open the custom images of this region in the Tencent Cloud console, in the web browser.</source>
        <translation>在网页浏览器中打开腾讯云控制台中此地域的自定义镜像。</translation>
    </message>
    <message>
        <source>Op&amp;en in Console</source>
        <translation>在控制台中打开(&amp;E)</translation>
    </message>
    <message>
        <source>Start again on the first page with another disk image; the account stays.</source>
        <translation>从第一页开始导入另一个磁盘镜像；账号保持不变。</translation>
    </message>
    <message>
        <source>Import &amp;Another Image</source>
        <translation>导入另一个镜像(&amp;A)</translation>
    </message>
    <message>
        <source>This form is imported already (%1). To import again, change the form, or press Import Another Image.</source>
        <translation>此表单已导入（%1）。如需再次导入，请修改表单，或点击“导入另一个镜像”。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>(none: the object was in COS already)</source>
        <translation>（无：对象已在 COS 中）</translation>
    </message>
    <message>
        <source>CRC-64</source>
        <translation>CRC-64</translation>
    </message>
    <message>
        <source>(not uploaded in this session)</source>
        <translation>（本次未上传）</translation>
    </message>
    <message>
        <source>Bucket/key</source>
        <translation>存储桶/对象键</translation>
    </message>
    <message>
        <source>Time taken</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Image name: %1</source>
        <translation>镜像名称：%1</translation>
    </message>
    <message>
        <source>RequestId: %1</source>
        <translation>RequestId：%1</translation>
    </message>
    <message>
        <source>What was imported</source>
        <translation>已导入的内容</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::ImportStageList</name>
    <message>
        <source>Check the form</source>
        <translation>检查表单</translation>
    </message>
    <message>
        <source>Permission (ImportImage dry run)</source>
        <translation>权限（ImportImage 预检）</translation>
    </message>
    <message>
        <source>Start the import</source>
        <translation>开始导入</translation>
    </message>
    <message>
        <source>Follow the import</source>
        <translation>跟踪导入</translation>
    </message>
    <message>
        <source>under way…</source>
        <translation>进行中…</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>处理方法：%1</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>under way</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>无需执行</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::ImportWizard</name>
    <message>
        <source>CVM Import Wizard</source>
        <translation>CVM Import Wizard</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Profile, region, endpoints, proxy, upload and language (Ctrl+,)</source>
        <translation>配置、地域、接入地址、代理、上传和语言（Ctrl+,）</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Unsaved Import Form</source>
        <translation>导入表单未保存</translation>
    </message>
    <message>
        <source>The import form has changes that are not saved in a draft.</source>
        <translation>导入表单中有尚未保存为草稿的修改。</translation>
    </message>
    <message>
        <source>Save them as a draft to go on later (Open Draft… on the form, or cvm-import import --draft), or discard them.</source>
        <translation>可将其保存为草稿以便稍后继续（在表单中使用“打开草稿…”，或运行 cvm-import import --draft），也可以放弃这些修改。</translation>
    </message>
    <message>
        <source>&amp;Save Draft…</source>
        <translation>保存草稿(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keep Editing</source>
        <translation>继续编辑(&amp;K)</translation>
    </message>
    <message>
        <source>Restore the form you were filling in at %1?</source>
        <translation>要恢复您在 %1 填写的表单吗？</translation>
    </message>
    <message>
        <source>Restore the form you were filling in on %1?</source>
        <translation>要恢复您于 %1 填写的表单吗？</translation>
    </message>
    <message>
        <source>Restore the Import Form</source>
        <translation>恢复导入表单</translation>
    </message>
    <message>
        <source>The wizard was closed before the form was saved or used.</source>
        <translation>向导在表单保存或使用之前已关闭。</translation>
    </message>
    <message>
        <source>The wizard was closed before the form for &quot;%1&quot; was saved or used.</source>
        <translation>向导在“%1”的表单保存或使用之前已关闭。</translation>
    </message>
    <message>
        <source>&amp;Restore Form</source>
        <translation>恢复表单(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Not Now</source>
        <translation>暂不(&amp;N)</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::ImportWizardSteps</name>
    <message>
        <source>S&amp;witch to Upload</source>
        <translation>改为上传(&amp;W)</translation>
    </message>
    <message>
        <source>The upload was skipped because the image is said to be in COS already. Go to the Upload page and upload the file instead.</source>
        <translation>由于镜像已在 COS 中，上传步骤已跳过。转到上传页面，改为上传该文件。</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::InterruptedUploadNotice</name>
    <message>
        <source>C&amp;ontinue It</source>
        <translation>继续上传(&amp;O)</translation>
    </message>
    <message>
        <source>Interrupted upload</source>
        <translation>中断的上传</translation>
    </message>
    <message>
        <source>Check this file and upload only the parts that are missing in its bucket</source>
        <translation>检查此文件，并只上传其存储桶中缺少的分块</translation>
    </message>
    <message>
        <source>Hide this notice; the upload can still be continued by choosing the same file and destination</source>
        <translation>隐藏此提示；之后选择相同的文件和目标位置仍可继续上传</translation>
    </message>
    <message>
        <source>An upload of %1 to %2/%3 was interrupted (%4 of %5 parts sent).</source>
        <translation>将 %1 上传到 %2/%3 的任务已中断（已发送 %4/%5 个分块）。</translation>
    </message>
    <message>
        <source>No&amp;t Now</source>
        <translation>暂不(&amp;T)</translation>
    </message>
    <message>
        <source>Other interrupted uploads: %1.</source>
        <translation>其他中断的上传：%1 个。</translation>
    </message>
    <message>
        <source>The command cvm-import uploads lists them all.</source>
        <translation>命令 cvm-import uploads 会列出全部。</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::ObjectUrlChecker</name>
    <message>
        <source>Checking the object when you stop typing…</source>
        <translation>停止输入后将检查对象…</translation>
    </message>
    <message>
        <source>Not checked: connect an account (the Account page) to check that this object exists. The import checks it in any case.</source>
        <translation>未检查：请连接账号（“账号”页面）以检查此对象是否存在。无论如何，导入时都会检查该对象。</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>Found: %1 (%2 bytes).</source>
        <translation>已找到：%1（%2 字节）。</translation>
    </message>
    <message>
        <source>Not found: %1 Upload the image first, or correct the URL.</source>
        <translation>未找到：%1 请先上传镜像，或更正 URL。</translation>
    </message>
    <message>
        <source>No access: %1 %2</source>
        <translation>无访问权限：%1 %2</translation>
    </message>
    <message>
        <source>Could not check the object: %1 %2</source>
        <translation>无法检查对象：%1 %2</translation>
    </message>
    <message>
        <source>Uploaded by this wizard: %1.</source>
        <translation>由本向导上传：%1。</translation>
    </message>
    <message>
        <source>The checked image %1 is %2 bytes: this object is another file, or an incomplete copy of it. Upload the image, or correct the URL.</source>
        <translation>已检查的镜像 %1 为 %2 字节：此对象是另一个文件，或是它的不完整副本。请上传该镜像，或更正 URL。</translation>
    </message>
    <message>
        <source>Uploaded by this wizard: %1, a compressed qcow2 of %2 (%3).</source>
        <translation>由本向导上传：%1，%2 的压缩 qcow2（%3）。</translation>
    </message>
    <message>
        <source>A compressed qcow2 of %1 is smaller than the file; its size is not compared.</source>
        <translation>%1 的压缩 qcow2 比文件小；不比较其大小。</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::OsCatalogueController</name>
    <message>
        <source>OS list: the one built into this program (%1 systems); refresh it when online.</source>
        <translation>操作系统列表：本程序内置列表（%1 个系统）；联网后可刷新。</translation>
    </message>
    <message>
        <source>OS list: saved from Tencent Cloud on %1 (%2 systems).</source>
        <translation>操作系统列表：于 %1 从腾讯云获取并保存（%2 个系统）。</translation>
    </message>
    <message>
        <source>OS list: from Tencent Cloud, %1 (%2 systems).</source>
        <translation>操作系统列表：来自腾讯云，%1（%2 个系统）。</translation>
    </message>
    <message>
        <source>Not refreshed: connect an account on the Account page first. The list shown works offline.</source>
        <translation>未刷新：请先在“账号”页面连接账号。当前显示的列表可离线使用。</translation>
    </message>
    <message>
        <source>Asking Tencent Cloud…</source>
        <translation>正在查询腾讯云…</translation>
    </message>
    <message>
        <source>The account changed during the refresh.</source>
        <translation>刷新期间账号已变更。</translation>
    </message>
    <message>
        <source>Could not refresh the list: %1 %2 The list shown still works.</source>
        <translation>无法刷新列表：%1 %2 当前显示的列表仍可使用。</translation>
    </message>
    <message>
        <source>The list could not be kept for offline use: %1</source>
        <translation>无法保存列表以供离线使用：%1</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::OsChooser</name>
    <message>
        <source>Operating system</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>OS type</source>
        <translation>操作系统类型</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>OS &amp;version:</source>
        <translation>操作系统版本(&amp;V)：</translation>
    </message>
    <message>
        <source>OS version</source>
        <translation>操作系统版本</translation>
    </message>
    <message>
        <source>How the detected version was matched</source>
        <translation>检测到的版本的匹配方式</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>Boot &amp;mode:</source>
        <translation>启动模式(&amp;M)：</translation>
    </message>
    <message>
        <source>Boot mode</source>
        <translation>启动模式</translation>
    </message>
    <message>
        <source>&amp;License type:</source>
        <translation>许可证类型(&amp;L)：</translation>
    </message>
    <message>
        <source>License type</source>
        <translation>许可证类型</translation>
    </message>
    <message>
        <source>TencentCloud: the licence comes with the instance. BYOL: you bring your own (Red Hat, SUSE, Windows Server).</source>
        <translation>TencentCloud：许可证随实例提供。BYOL：自带许可证（Red Hat、SUSE、Windows Server）。</translation>
    </message>
    <message>
        <source>Which OS list is shown</source>
        <translation>当前显示的操作系统列表来源</translation>
    </message>
    <message>
        <source>Ask Tencent Cloud for the current list (DescribeImportImageOs) and keep it for offline use</source>
        <translation>从腾讯云获取最新列表（DescribeImportImageOs），并保存以供离线使用</translation>
    </message>
    <message>
        <source>R&amp;efresh List</source>
        <translation>刷新列表(&amp;E)</translation>
    </message>
    <message>
        <source>%1 (not in the list)</source>
        <translation>%1（不在列表中）</translation>
    </message>
    <message>
        <source>OS type:</source>
        <translation>操作系统类型：</translation>
    </message>
    <message>
        <source>Arc&amp;hitecture:</source>
        <translation>架构(&amp;H)：</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::PermissionList</name>
    <message>
        <source>Not checked yet.</source>
        <translation>尚未检查。</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>检查中…</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>处理方法：%1</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>checking</source>
        <translation>检查中</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未检查</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::ReportView</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Unreadable: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <source>None (one file system fills the disk)</source>
        <translation>无（整个磁盘为一个文件系统）</translation>
    </message>
    <message>
        <source>Choose an image to see whether Tencent Cloud can import it.</source>
        <translation>请选择一个镜像，查看腾讯云能否导入。</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需要注意</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Ready to import</source>
        <translation>可以导入</translation>
    </message>
    <message>
        <source>Importable: read the warnings</source>
        <translation>可以导入：请阅读警告</translation>
    </message>
    <message>
        <source>Not importable: %1 problems</source>
        <translation>无法导入：%1 个问题</translation>
    </message>
    <message>
        <source>Not importable: 1 problem</source>
        <translation>无法导入：1 个问题</translation>
    </message>
    <message>
        <source>passed: %1 of %2</source>
        <translation>通过：%1/%2</translation>
    </message>
    <message>
        <source>warnings: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>not determined: %1</source>
        <translation>无法确定：%1</translation>
    </message>
    <message>
        <source>Rules %1 %2 — %3.</source>
        <translation>规则集 %1 %2 — %3。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>， </translation>
    </message>
    <message>
        <source>This file cannot be inspected</source>
        <translation>无法检查此文件</translation>
    </message>
    <message>
        <source>Error code: %1</source>
        <translation>错误码：%1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>文件大小</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Virtual size</source>
        <translation>虚拟大小</translation>
    </message>
    <message>
        <source>Partition table</source>
        <translation>分区表</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>%1
%2 · %3 · on %4</source>
        <translation>%1
%2 · %3 · 位于%4</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>内核</translation>
    </message>
    <message>
        <source>none found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>not readable: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>%1 %2, %3
%4, licence %5</source>
        <translation>%1 %2，%3
%4，许可证 %5</translation>
    </message>
    <message>
        <source>Whole disk</source>
        <translation>整个磁盘</translation>
    </message>
    <message>
        <source>Partition %1</source>
        <translation>分区 %1</translation>
    </message>
    <message>
        <source>%1, bootable</source>
        <translation>%1，可启动</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>Checks that need a readable disk image: %1 more.</source>
        <translation>需要可读磁盘镜像的检查：另有 %1 项。</translation>
    </message>
    <message>
        <source>Logical volumes</source>
        <translation>逻辑卷</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::RuleRow</name>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Not determined</source>
        <translation>无法确定</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>How to fix:</source>
        <translation>处理方法：</translation>
    </message>
    <message>
        <source>Details of “%1”</source>
        <translation>“%1”的详细信息</translation>
    </message>
    <message>
        <source>Hide the details</source>
        <translation>隐藏详细信息</translation>
    </message>
    <message>
        <source>Show the details</source>
        <translation>显示详细信息</translation>
    </message>
    <message>
        <source>Expanded</source>
        <translation>已展开</translation>
    </message>
    <message>
        <source>Collapsed</source>
        <translation>已折叠</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::SettingsDialog</name>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a size: write &quot;auto&quot;, or a number with a unit K, M or G (powers of 1024), e.g. 8M or 64 MiB.</source>
        <translation>“%1”不是有效的大小：请填写“自动”，或带单位 K、M 或 G（按 1024 进制）的数字，例如 8M 或 64 MiB。</translation>
    </message>
    <message>
        <source>%1 is outside COS&apos;s part sizes: use 1 MiB to 5 GiB, or &quot;auto&quot; to choose from the file size.</source>
        <translation>%1 超出了 COS 的分块大小范围：请使用 1 MiB 至 5 GiB，或填写“自动”以根据文件大小选择。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a rate: write &quot;none&quot;, or a number with a unit K, M or G per second (powers of 1024), e.g. 4M/s or 512K/s.</source>
        <translation>“%1”不是有效的速率：请填写“不限”，或带单位 K、M 或 G 的每秒速率（按 1024 进制），例如 4M/s 或 512K/s。</translation>
    </message>
    <message>
        <source>Fill every field with its default; nothing is saved until OK</source>
        <translation>将所有字段恢复为默认值；单击“确定”前不会保存</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>A value on this tab is not valid</source>
        <translation>此选项卡中有无效的值</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>账号(&amp;A)</translation>
    </message>
    <message>
        <source>tccli &amp;profile:</source>
        <translation>tccli 配置(&amp;P)：</translation>
    </message>
    <message>
        <source>tccli profile</source>
        <translation>tccli 配置</translation>
    </message>
    <message>
        <source>Which profile of ~/.tccli to read, and the name of the keyring entry for typed credentials.</source>
        <translation>读取 ~/.tccli 中的哪个配置，以及手动输入的访问密钥在系统密钥环中保存的条目名称。</translation>
    </message>
    <message>
        <source>Profile error</source>
        <translation>配置错误</translation>
    </message>
    <message>
        <source>Default &amp;region:</source>
        <translation>默认地域(&amp;R)：</translation>
    </message>
    <message>
        <source>Default region</source>
        <translation>默认地域</translation>
    </message>
    <message>
        <source>the credentials&apos; region, else ap-guangzhou</source>
        <translation>访问密钥所属地域，否则为 ap-guangzhou</translation>
    </message>
    <message>
        <source>Chosen on the Account page when it opens, e.g. ap-shanghai.</source>
        <translation>打开“账号”页面时默认选择的地域，例如 ap-shanghai。</translation>
    </message>
    <message>
        <source>Region error</source>
        <translation>地域错误</translation>
    </message>
    <message>
        <source>&amp;Endpoints</source>
        <translation>接入地址(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Network &amp;&amp; upload</source>
        <translation>网络 &amp;&amp; 上传(&amp;N)</translation>
    </message>
    <message>
        <source>Proxy:</source>
        <translation>代理：</translation>
    </message>
    <message>
        <source>The desktop&apos;s proxy settings, and the http_proxy, https_proxy and no_proxy variables for the upload</source>
        <translation>上传时使用桌面环境的代理设置，以及 http_proxy、https_proxy 和 no_proxy 环境变量</translation>
    </message>
    <message>
        <source>Use the system proxy</source>
        <translation>使用系统代理</translation>
    </message>
    <message>
        <source>Use the s&amp;ystem proxy</source>
        <translation>使用系统代理(&amp;Y)</translation>
    </message>
    <message>
        <source>Manual HTTP proxy</source>
        <translation>手动设置 HTTP 代理</translation>
    </message>
    <message>
        <source>&amp;Manual HTTP proxy:</source>
        <translation>手动设置 HTTP 代理(&amp;M)：</translation>
    </message>
    <message>
        <source>Proxy address</source>
        <translation>代理地址</translation>
    </message>
    <message>
        <source>Requests to this computer (an emulator, a tunnel) never go through the proxy.</source>
        <translation>发往本机的请求（模拟器、隧道）始终不经过代理。</translation>
    </message>
    <message>
        <source>Proxy error</source>
        <translation>代理错误</translation>
    </message>
    <message>
        <source>Part &amp;size:</source>
        <translation>分块大小(&amp;S)：</translation>
    </message>
    <message>
        <source>Part size</source>
        <translation>分块大小</translation>
    </message>
    <message>
        <source>&quot;auto&quot; chooses from the file size; else 1 MiB to 5 GiB, e.g. 16M. Larger parts: fewer requests, more to resend after an error.</source>
        <translation>“自动”表示根据文件大小选择；否则请填写 1 MiB 至 5 GiB，例如 16M。分块越大，请求越少，但出错后需要重新发送的数据越多。</translation>
    </message>
    <message>
        <source>Part size error</source>
        <translation>分块大小错误</translation>
    </message>
    <message>
        <source>&amp;Parallel parts:</source>
        <translation>并行分块数(&amp;P)：</translation>
    </message>
    <message>
        <source>Parts uploaded in parallel</source>
        <translation>并行上传的分块数</translation>
    </message>
    <message>
        <source>1 to %1 parts in flight at once (default %2); more helps on fast, distant links.</source>
        <translation>同时传输 1 到 %1 个分块（默认 %2）；网络快但距离远时，调大可提速。</translation>
    </message>
    <message>
        <source>&amp;Rate limit:</source>
        <translation>限速(&amp;R)：</translation>
    </message>
    <message>
        <source>Upload rate limit</source>
        <translation>上传限速</translation>
    </message>
    <message>
        <source>&quot;none&quot;, or a rate such as 4M/s shared by all parts, to leave room for other traffic.</source>
        <translation>“不限”，或填写所有分块共享的速率（例如 4M/s），为其他网络流量留出带宽。</translation>
    </message>
    <message>
        <source>Rate limit error</source>
        <translation>限速错误</translation>
    </message>
    <message>
        <source>Upload settings apply to the next upload started.</source>
        <translation>上传设置将在下次开始上传时生效。</translation>
    </message>
    <message>
        <source>Image chec&amp;k</source>
        <translation>镜像检查(&amp;K)</translation>
    </message>
    <message>
        <source>Inspection time limit</source>
        <translation>检查时限</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>What a check has not read by then is shown as not checked (default %1 s).</source>
        <translation>到时仍未读取的内容将显示为未检查（默认 %1 秒）。</translation>
    </message>
    <message>
        <source>&amp;Interface</source>
        <translation>界面(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>A new language applies the next time the wizard starts.</source>
        <translation>新语言将在下次启动向导时生效。</translation>
    </message>
    <message>
        <source>Settings file error</source>
        <translation>设置文件错误</translation>
    </message>
    <message>
        <source>Inspection &amp;time limit:</source>
        <translation>检查时限(&amp;T)：</translation>
    </message>
    <message>
        <source>Restore &amp;Defaults</source>
        <translation>恢复默认值(&amp;D)</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::StepIndicator</name>
    <message>
        <source>Where you are in the wizard</source>
        <translation>您在向导中的位置</translation>
    </message>
    <message>
        <source>The wizard&apos;s steps: %1</source>
        <extracomment>The accessible description of the step list; %1 lists the steps and their states.</extracomment>
        <translation>向导的步骤：%1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>%1 (skipped)</source>
        <extracomment>A step of the wizard that was left out, e.g. &quot;Upload (skipped)&quot;.</extracomment>
        <translation>%1（已跳过）</translation>
    </message>
    <message>
        <source>%1, current step</source>
        <translation>%1，当前步骤</translation>
    </message>
    <message>
        <source>%1, done</source>
        <translation>%1，已完成</translation>
    </message>
    <message>
        <source>All steps done</source>
        <translation>全部步骤已完成</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::TagTable</name>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>标签键</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>标签值</translation>
    </message>
    <message>
        <source>Remove the selected tags</source>
        <translation>删除所选标签</translation>
    </message>
    <message>
        <source>Add Ta&amp;g</source>
        <translation>添加标签(&amp;G)</translation>
    </message>
    <message>
        <source>Remove &amp;Tag</source>
        <translation>删除标签(&amp;T)</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::UploadDestination</name>
    <message>
        <source>B&amp;ucket:</source>
        <translation>存储桶(&amp;U)：</translation>
    </message>
    <message>
        <source>Bucket to upload to</source>
        <translation>上传到的存储桶</translation>
    </message>
    <message>
        <source>The object&apos;s name in the bucket; folders are written with /, e.g. images/centos7.qcow2</source>
        <translation>对象在存储桶中的名称；文件夹用 / 分隔，例如 images/centos7.qcow2</translation>
    </message>
    <message>
        <source>Object key</source>
        <translation>对象键</translation>
    </message>
    <message>
        <source>Object key problem</source>
        <translation>对象键问题</translation>
    </message>
    <message>
        <source>Choose a bucket on the Account page</source>
        <translation>请在“账号”页面选择存储桶</translation>
    </message>
    <message>
        <source>&amp;Object key:</source>
        <translation>对象键(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::UploadPage</name>
    <message>
        <source>&amp;Start Upload</source>
        <translation>开始上传(&amp;S)</translation>
    </message>
    <message>
        <source>Start O&amp;ver</source>
        <translation>重新开始(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>Cance&amp;l Upload</source>
        <translation>取消上传(&amp;L)</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>Upload the image to COS</source>
        <translation>将镜像上传到 COS</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>Cancel Upload</source>
        <translation>取消上传</translation>
    </message>
    <message>
        <source>Keep Uploading</source>
        <translation>继续上传</translation>
    </message>
    <message>
        <source>Continue Later</source>
        <translation>稍后继续</translation>
    </message>
    <message>
        <source>Upload Anyway</source>
        <translation>仍然上传</translation>
    </message>
    <message>
        <source>Do Not Upload</source>
        <translation>不上传</translation>
    </message>
    <message>
        <source>The image is uploaded to a COS bucket in the import&apos;s region, in parts sent in parallel; an interrupted upload continues where it stopped.</source>
        <translation>镜像将上传到导入地域内的 COS 存储桶，以多个分块并行发送；上传中断后可从中断处继续。</translation>
    </message>
    <message>
        <source>Drop the image to upload here, or keep the checked one</source>
        <translation>将要上传的镜像拖放到此处，或保留已检查的文件</translation>
    </message>
    <message>
        <source>The file checked on the first page is uploaded unless you choose another.</source>
        <translation>除非您另选文件，否则将上传第一页中已检查的文件。</translation>
    </message>
    <message>
        <source>In %1. Drop another file to upload that one instead.</source>
        <translation>位于 %1。拖放其他文件可改为上传该文件。</translation>
    </message>
    <message>
        <source>Choose the file to upload</source>
        <translation>选择要上传的文件</translation>
    </message>
    <message>
        <source>Import check warning</source>
        <translation>导入检查警告</translation>
    </message>
    <message>
        <source>Earlier unfinished upload</source>
        <translation>之前未完成的上传</translation>
    </message>
    <message>
        <source>Delete the parts uploaded earlier and upload the whole file again</source>
        <translation>删除之前上传的分块，重新上传整个文件</translation>
    </message>
    <message>
        <source>No new parts start; the parts in flight finish</source>
        <translation>不再开始新的分块；正在传输的分块会完成</translation>
    </message>
    <message>
        <source>Stop and delete the parts already uploaded</source>
        <translation>停止上传并删除已上传的分块</translation>
    </message>
    <message>
        <source>Continue from the parts already uploaded</source>
        <translation>从已上传的分块处继续</translation>
    </message>
    <message>
        <source>Upload status</source>
        <translation>上传状态</translation>
    </message>
    <message>
        <source>Uploaded object</source>
        <translation>已上传的对象</translation>
    </message>
    <message>
        <source>Enter the object key: the name of the image in the bucket.</source>
        <translation>请输入对象键：即镜像在存储桶中的名称。</translation>
    </message>
    <message>
        <source>The object key must not start with &quot;/&quot;: write &quot;%1&quot; instead.</source>
        <translation>对象键不能以“/”开头：请改为“%1”。</translation>
    </message>
    <message>
        <source>The object key is %1 bytes long in UTF-8; COS allows at most %2. Shorten it.</source>
        <translation>对象键按 UTF-8 编码长度为 %1 字节，COS 最多允许 %2 字节。请缩短。</translation>
    </message>
    <message>
        <source>An upload of this file to %1 was started earlier (%2 of %3 parts uploaded), but the file has changed since, so it cannot be resumed. Start Over deletes those parts and uploads the file again.</source>
        <translation>之前已开始将此文件上传到 %1（已上传 %2/%3 个分块），但此后文件已更改，因此无法续传。“重新开始”会删除这些分块并重新上传文件。</translation>
    </message>
    <message>
        <source>Resume the upload started earlier: %1 of %2 parts already uploaded. Or start over and upload the whole file again.</source>
        <translation>续传之前开始的上传：已上传 %1/%2 个分块。也可以重新开始，上传整个文件。</translation>
    </message>
    <message>
        <source>&amp;Resume Upload</source>
        <translation>续传(&amp;R)</translation>
    </message>
    <message>
        <source>Upload %1 although it will not import?</source>
        <translation>%1 无法导入，仍要上传吗？</translation>
    </message>
    <message>
        <source>Connect an account on the Account page first.</source>
        <translation>请先在“账号”页面连接账号。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a file that can be read. Drop the image on the page or use Browse…</source>
        <translation>“%1”不是可读取的文件。请将镜像拖放到页面上，或使用“浏览…”选择。</translation>
    </message>
    <message>
        <source>Starting over…</source>
        <translation>正在重新开始…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>Cancel the upload of %1?</source>
        <translation>要取消上传 %1 吗？</translation>
    </message>
    <message>
        <source>The parts already uploaded (%1) will be deleted from %2, so that they cost nothing; the upload cannot be resumed afterwards.</source>
        <translation>已上传的分块（%1 个）将从 %2 中删除，不会再产生费用；此后将无法续传。</translation>
    </message>
    <message>
        <source>Cancelling: deleting the uploaded parts…</source>
        <translation>正在取消：正在删除已上传的分块…</translation>
    </message>
    <message>
        <source>%1 is still uploading (%2%). Close and continue later?</source>
        <translation>%1 仍在上传（%2%）。要关闭并稍后继续吗？</translation>
    </message>
    <message>
        <source>The parts already uploaded stay in %1. The next time you upload this file to the same place, only the missing parts are sent.</source>
        <translation>已上传的分块保留在 %1 中。下次将此文件上传到同一位置时，只会发送缺少的分块。</translation>
    </message>
    <message>
        <source>Uploaded and verified: %1 parts sent now, %2 reused from the earlier upload. COS&apos;s CRC-64 of the object equals the file&apos;s.</source>
        <translation>上传完成并已校验：本次发送 %1 个分块，复用之前上传的 %2 个分块。COS 计算的对象 CRC-64 与文件一致。</translation>
    </message>
    <message>
        <source>Uploaded and verified: COS&apos;s CRC-64 of the object equals the file&apos;s.</source>
        <translation>上传完成并已校验：COS 计算的对象 CRC-64 与文件一致。</translation>
    </message>
    <message>
        <source>The upload was cancelled and the uploaded parts were deleted.</source>
        <translation>上传已取消，已上传的分块已删除。</translation>
    </message>
    <message>
        <source>The upload failed: %1</source>
        <translation>上传失败：%1</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>处理方法：%1</translation>
    </message>
    <message>
        <source>(COS said %1%2.)</source>
        <translation>（COS 返回 %1%2。）</translation>
    </message>
    <message>
        <source>, request %1</source>
        <translation>，RequestId %1</translation>
    </message>
    <message>
        <source>Retry continues from the parts already uploaded.</source>
        <translation>重试将从已上传的分块处继续。</translation>
    </message>
    <message>
        <source>Stopped after %1 of %2 parts.</source>
        <translation>已在完成 %1/%2 个分块后停止。</translation>
    </message>
    <message>
        <source>The interrupted upload of this file went to %1/%2 in the region %3. Choose that region on the Account page to resume it; uploading here starts afresh.</source>
        <translation>此文件中断的上传目标为地域 %3 中的 %1/%2。请在账号页面选择该地域以继续上传；在此处上传将重新开始。</translation>
    </message>
    <message>
        <source>Verified. Checking whether the bucket is public…</source>
        <translation>已校验。正在检查存储桶是否公开…</translation>
    </message>
    <message>
        <source>a signed link to it, valid until %1</source>
        <translation>该对象的签名链接，有效期至 %1</translation>
    </message>
    <message>
        <source>this URL</source>
        <translation>此 URL</translation>
    </message>
    <message>
        <source>&lt;b&gt;Object URL:&lt;/b&gt; &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;&lt;br&gt;&lt;b&gt;CRC-64:&lt;/b&gt; %3 &amp;nbsp; &lt;b&gt;Size:&lt;/b&gt; %4&lt;br&gt;&lt;b&gt;For the import:&lt;/b&gt; %5. %6&lt;br&gt;Next: the import form.</source>
        <translation>&lt;b&gt;对象 URL：&lt;/b&gt; &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;&lt;br&gt;&lt;b&gt;CRC-64：&lt;/b&gt; %3 &amp;nbsp; &lt;b&gt;大小：&lt;/b&gt; %4&lt;br&gt;&lt;b&gt;用于导入：&lt;/b&gt;%5。%6&lt;br&gt;下一步：填写导入表单。</translation>
    </message>
    <message>
        <source>Already Uploaded: S&amp;kip</source>
        <translation>已上传：跳过(&amp;K)</translation>
    </message>
    <message>
        <source>The image is at this bucket and key already: go to the form with its URL, which is checked there</source>
        <translation>镜像已位于此存储桶和对象键：带着其 URL 进入表单，并在表单中检查</translation>
    </message>
    <message numerus="yes">
        <source>%n part(s) sent earlier no longer matched the file and were sent again: %1.</source>
        <translation>
            <numerusform>之前发送的 %n 个分块与文件不再一致，已重新发送：%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>The object key contains a control character (a line break or a tab, for example). Remove it.</source>
        <translation>对象键中含有控制字符（例如换行符或制表符）。请将其删除。</translation>
    </message>
    <message>
        <source>Check of the file to upload</source>
        <translation>待上传文件的检查结果</translation>
    </message>
    <message>
        <source>The whole report: every rule, what was found and how to fix it</source>
        <translation>完整报告：每条规则、发现的内容以及修复方法</translation>
    </message>
    <message>
        <source>See the &amp;Check</source>
        <translation>查看检查结果(&amp;C)</translation>
    </message>
    <message>
        <source>%1
Tencent Cloud refuses to import this file as it is. Uploading %2 costs time and COS storage for a file that cannot become a CVM image until this is fixed; your answer is recorded with the upload.</source>
        <translation>%1
腾讯云不会按原样导入此文件。在问题修复之前，上传这 %2 只会为一个无法成为 CVM 镜像的文件耗费时间和 COS 存储；您的选择会随上传一并记录。</translation>
    </message>
    <message>
        <source>Tencent Cloud will refuse to import this file. Fix what the check reported first, or upload it anyway if you need it in COS.</source>
        <translation>腾讯云将拒绝导入此文件。请先修复检查报告的问题；如果确实需要把它放到 COS，也可以仍然上传。</translation>
    </message>
    <message>
        <source>Uploaded although the check said: %1 The import is likely to fail until that is fixed.</source>
        <translation>检查结果为“%1”，但仍已上传。在问题修复之前，导入很可能会失败。</translation>
    </message>
    <message>
        <source>Convert the image into a compressed, sparse qcow2 while it is sent; the object key gets .qcow2</source>
        <translation>发送时将镜像转换为压缩、稀疏的 qcow2；对象键改为 .qcow2 结尾</translation>
    </message>
    <message>
        <source>Send as compressed &amp;qcow2</source>
        <translation>以压缩的 &amp;qcow2 发送</translation>
    </message>
    <message>
        <source>What sending as compressed qcow2 does</source>
        <translation>以压缩 qcow2 发送的作用</translation>
    </message>
    <message>
        <source>Uploaded as a compressed qcow2 and verified: %1 sent for the %2 file, COS&apos;s CRC-64 of the object equals the stream&apos;s.</source>
        <translation>已以压缩 qcow2 上传并校验：%2 的文件共发送 %1，COS 对象的 CRC-64 与数据流的一致。</translation>
    </message>
    <message>
        <source>%1 parts sent now, %2 reused from the earlier upload.</source>
        <translation>本次发送 %1 个分块，复用之前上传的 %2 个。</translation>
    </message>
    <message>
        <source>%1, qcow2</source>
        <translation>%1，qcow2</translation>
    </message>
    <message>
        <source>%1, qcow2 of a %2 disk</source>
        <translation>%1，%2 磁盘的 qcow2</translation>
    </message>
    <message>
        <source>Stopped after %1 parts.</source>
        <translation>已在 %1 个分块后停止。</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::UploadPageCheck</name>
    <message>
        <source>Not checked yet: check it before uploading.</source>
        <translation>尚未检查：请在上传前先检查。</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>Not importable: %1</source>
        <translation>无法导入：%1</translation>
    </message>
    <message>
        <source>%1 and others (%2)</source>
        <translation>%1 等（另有 %2 项）</translation>
    </message>
    <message>
        <source>Not importable, problems: %1 — %2.</source>
        <translation>无法导入，问题数：%1 — %2。</translation>
    </message>
    <message>
        <source>Checked: importable; read the warnings (%1).</source>
        <translation>已检查：可以导入；请阅读警告（%1 条）。</translation>
    </message>
    <message>
        <source>Checked: ready to import.</source>
        <translation>已检查：可以导入。</translation>
    </message>
    <message>
        <source>&amp;Check It</source>
        <translation>检查(&amp;C)</translation>
    </message>
    <message>
        <source>See the &amp;Check</source>
        <translation>查看检查结果(&amp;C)</translation>
    </message>
    <message>
        <source>Check of %1</source>
        <translation>%1 的检查结果</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>关闭(&amp;L)</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::UploadProgressPanel</name>
    <message>
        <source>Upload progress</source>
        <translation>上传进度</translation>
    </message>
    <message>
        <source>Upload progress details</source>
        <translation>上传进度详情</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>preparing (reading the file&apos;s identity, asking COS for the upload)</source>
        <translation>正在准备（读取文件标识，向 COS 发起上传）</translation>
    </message>
    <message>
        <source>pausing: the parts in flight finish first</source>
        <translation>正在暂停：等待传输中的分块完成</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>completing: COS assembles the parts and checks the CRC-64</source>
        <translation>正在完成：COS 正在合并分块并校验 CRC-64</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>剩余约 %1</translation>
    </message>
    <message>
        <source>time left: measuring</source>
        <translation>剩余时间：正在估算</translation>
    </message>
    <message>
        <source>%1 of %2 parts</source>
        <translation>%1 / %2 个分块</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>checking %1 parts already sent against the file (%2 of %3 read)</source>
        <translation>正在对照文件校验已发送的 %1 个分块（已读取 %2/%3）</translation>
    </message>
    <message>
        <source>read %1 of %2</source>
        <translation>已读取 %1 / %2</translation>
    </message>
    <message>
        <source>reading the image&apos;s map</source>
        <translation>正在读取镜像的分配表</translation>
    </message>
    <message>
        <source>%1 · sent %2 of %3 as compressed qcow2</source>
        <translation>%1 · 已以压缩 qcow2 发送 %2 / %3</translation>
    </message>
    <message>
        <source>%1 · sent %2 as compressed qcow2</source>
        <translation>%1 · 已以压缩 qcow2 发送 %2</translation>
    </message>
    <message>
        <source>%1 parts done</source>
        <translation>已完成 %1 个分块</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::UrlListEdit</name>
    <message>
        <source>Data disk URLs</source>
        <translation>数据盘 URL</translation>
    </message>
    <message>
        <source>COS URLs of data disk images imported with the system disk (optional). Double-click a line to edit it.</source>
        <translation>与系统盘一同导入的数据盘镜像的 COS URL（可选）。双击某一行即可编辑。</translation>
    </message>
    <message>
        <source>&amp;Add Data Disk</source>
        <translation>添加数据盘(&amp;A)</translation>
    </message>
    <message>
        <source>Remove Data Dis&amp;k</source>
        <translation>移除数据盘(&amp;K)</translation>
    </message>
</context>
<context>
    <name>cvmi::ui::WindowProgress</name>
    <message>
        <source>%1 — %2</source>
        <comment>window title: what runs — the window&apos;s own title</comment>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>cvmi::util::SafeOpen</name>
    <message>
        <source>%1 is a symbolic link, and links are not followed here. Put the file it points to in its place (cp --dereference LINK FILE).</source>
        <translation>%1 是符号链接，此处不跟随链接。请将其指向的文件放到该位置（cp --dereference LINK FILE）。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2.</source>
        <translation>无法打开 %1：%2。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a disk image file. Choose the image file inside it.</source>
        <translation>%1 是文件夹，不是磁盘镜像文件。请选择其中的镜像文件。</translation>
    </message>
    <message>
        <source>%1 is a named pipe or socket, not a disk image file: its data cannot be read at random places. Save the image to a regular file and choose that file.</source>
        <translation>%1 是命名管道或套接字，不是磁盘镜像文件：无法随机读取其中的数据。请将镜像保存为普通文件，然后选择该文件。</translation>
    </message>
    <message>
        <source>%1 is a block device (a whole disk or partition), not a disk image file. This program reads image files only: copy the device into one with `qemu-img convert -O qcow2 DEVICE disk.qcow2` and choose that file.</source>
        <translation>%1 是块设备（整块磁盘或分区），不是磁盘镜像文件。本程序只读取镜像文件：请使用 `qemu-img convert -O qcow2 DEVICE disk.qcow2` 将该设备复制为镜像文件，然后选择该文件。</translation>
    </message>
    <message>
        <source>%1 is a device or special file, not a disk image file. Choose a regular file.</source>
        <translation>%1 是设备或特殊文件，不是磁盘镜像文件。请选择普通文件。</translation>
    </message>
    <message>
        <source>%1 is not a path relative to the folder it must be in.</source>
        <translation>%1 不是相对于其必须位于的文件夹的路径。</translation>
    </message>
    <message>
        <source>%1 leads out of the folder it must be in (&quot;..&quot;).</source>
        <translation>%1 指向其必须位于的文件夹之外（&quot;..&quot;）。</translation>
    </message>
    <message>
        <source>%1 names a folder, not a file.</source>
        <translation>%1 指定的是文件夹，而不是文件。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Checks a VM disk image against Tencent Cloud&apos;s import rules and imports it as a CVM custom image.</source>
        <translation>按照腾讯云的导入规则检查虚拟机磁盘镜像，并将其导入为云服务器 CVM 自定义镜像。</translation>
    </message>
    <message>
        <source>Save a PNG of the window to FILE once IMAGE is checked (or at once without IMAGE), then quit.</source>
        <translation>在 IMAGE 检查完成后（未指定 IMAGE 时立即）将窗口截图保存为 PNG 文件 FILE，然后退出。</translation>
    </message>
    <message>
        <source>Judge images by the rule file FILE instead of the built-in rules (as `cvm-import check --policy`).</source>
        <translation>使用规则文件 FILE 而不是内置规则来判断镜像（同 `cvm-import check --policy`）。</translation>
    </message>
    <message>
        <source>Talk to a local emulator of Tencent Cloud started inside the wizard, with a demo account and bucket, instead of the cloud. Nothing leaves this computer.</source>
        <translation>连接在向导内部启动的腾讯云本地模拟器（带有演示账号和存储桶），而不是真实的云端。所有数据都不会离开本机。</translation>
    </message>
    <message>
        <source>Start on the import form, filled from the draft FILE (saved with &quot;Save Draft&quot;).</source>
        <translation>从导入表单启动，并用草稿 FILE（通过“保存草稿”保存）填写表单。</translation>
    </message>
    <message>
        <source>Imported in the wizard&apos;s demo</source>
        <translation>在向导演示中导入</translation>
    </message>
    <message>
        <source>CVM Import Wizard — Demo (local emulator, no cloud)</source>
        <translation>CVM Import Wizard — 演示（本地模拟器，不连接云端）</translation>
    </message>
    <message>
        <source>Start on PAGE instead of the image page: &quot;account&quot; or &quot;upload&quot; (after the account is checked and its first bucket chosen). With --screenshot, credentials found (or the demo&apos;s) are checked, and IMAGE is uploaded, before the picture is taken. &quot;import&quot;: the last page; with --demo, a demo disk in the demo bucket and the form filled for it (with --screenshot, imported first). &quot;objects&quot;: with --demo, the form&apos;s &quot;Choose Object…&quot; dialog listing the demo bucket. &quot;settings&quot;: the settings dialog over the wizard.</source>
        <translation>从 PAGE 页面启动，而不是镜像页面：&quot;account&quot; 或 &quot;upload&quot;（在账号检查完成并选中其第一个存储桶之后）。与 --screenshot 同时使用时，会先检查找到的访问密钥（或演示账号的访问密钥）并上传 IMAGE，然后再截图。&quot;import&quot;：最后一页；与 --demo 同时使用时，演示存储桶中会有一个演示磁盘，并已为其填好表单（与 --screenshot 同时使用时，会先执行导入）。&quot;objects&quot;：与 --demo 同时使用时，打开表单的“选择对象…”对话框，列出演示存储桶中的对象。&quot;settings&quot;：在向导上方打开设置对话框。</translation>
    </message>
    <message>
        <source>The demo account of the local emulator: its keys are published, not secret. Nothing of this demo is kept.</source>
        <translation>本地模拟器的演示账号：其密钥是公开的，并非机密。本次演示的内容不会保留。</translation>
    </message>
    <message>
        <source>The demo account of the local emulator: its keys are published, not secret. Its uploads and images are kept for the next demo in %1.</source>
        <translation>本地模拟器的演示账号：其密钥是公开的，并非机密。它的上传和镜像保存在 %1 中，供下次演示使用。</translation>
    </message>
    <message>
        <source>The demo is already open</source>
        <translation>演示已在运行</translation>
    </message>
    <message>
        <source>Disk image to check at once (.qcow2, .vmdk, .vhd, .raw, .vhdx, .vdi, .ova).</source>
        <translation>要立即检查的磁盘镜像（.qcow2、.vmdk、.vhd、.raw、.vhdx、.vdi、.ova）。</translation>
    </message>
</context>
</TS>
