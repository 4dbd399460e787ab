window.echarts = {};
